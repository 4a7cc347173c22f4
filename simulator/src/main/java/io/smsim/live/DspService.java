package io.smsim.live;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.smsim.duis.DuisRejectedException;
import io.smsim.duis.DuisRequest;
import io.smsim.duis.DuisRequestParser;
import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.Endpoint;
import io.smsim.duis.ResponseCode;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.SignatureRejectedException;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.Srv;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The DSP's synchronous half, like DCC Boxed's front door: parse a DUIS request (hardened parser:
 * well-formed, DUIS namespace and structure), authenticate it by its XML signature when a trust
 * store is configured, validate it (known SRV, command variant for the SRV and the endpoint), check
 * that the target device exists and find its region, admit it within the bound on requests in
 * flight, and say what to answer. Thread-safe; allocation is the parse (and the signature check's
 * DOM) and the answer.
 *
 * <p>Critical requests take DUIS's two steps ({@link TransformService}): a command variant 4 sent to
 * the Transform Service is answered at once with I0 and the GBCS pre-command to sign, and goes no
 * further; the signed pre-command (command variant 5, 6 or 7) is then acknowledged and routed like
 * any device command, provided it is the pre-command issued for its RequestID and SRV, byte for byte,
 * with a signature appended; otherwise it is refused with {@link ResponseCode#PRE_COMMAND_REFUSED}.
 *
 * <p>Answers: I99 with HTTP 200 for an accepted request; a DUIS error response for a rejected one,
 * with HTTP 400 for schema-level faults (not XML, not DUIS, unknown SRV: E11, see
 * {@code RejectReason}) and HTTP 200 for DUIS validation and authorisation errors (E11 reference
 * mismatch, E12, E13, E19, and E11 for a RequestID acknowledged before, within the last
 * {@value #REPLAY_WINDOW} acknowledged requests; E1 for a signature that is not accepted, see
 * {@link ResponseCode#SIGNATURE_REFUSED}); HTTP 503 with E20 when the emulation sheds load.
 */
final class DspService {

  /** What to answer, and the request to route when it was accepted. */
  record Answer(HttpResponseStatus status, byte[] body, String code, Accepted accepted) {
  }

  /** An acknowledged request on its way to {@code region}'s CSP. */
  record Accepted(DuisRequest request, Srv srv, Region region, long acceptedNanos) {
  }

  /** How many acknowledged RequestIDs are remembered to refuse a replay (at 1,000 requests/s: 17 minutes). */
  static final int REPLAY_WINDOW = 1 << 20;
  /**
   * The answer to a replayed RequestID: a DUIS validation error. The public DUIS response-code
   * table has no code for it; smsim answers E11, the code it gives every other invalid RequestID,
   * with HTTP 200 like the other validation errors found after parsing.
   */
  static final ResponseCode REPLAYED = ResponseCode.E11;

  private final DuisRequestParser parser;
  private final DuisResponseBuilder responses = DuisResponseBuilder.create();
  private final DeviceRegistry devices;
  private final boolean[] served = new boolean[Region.values().length];
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final int maxInFlight;
  private final Clock wallClock;
  private final RecentRequestIds recent;
  private final DuisVerifier verifier;
  private final LiveMetrics metrics;
  private final TransformService transforms;

  DspService(DuisRequestParser parser, DeviceRegistry devices, Iterable<Region> regions, int maxInFlight,
      Clock wallClock, DuisVerifier verifier, LiveMetrics metrics) {
    this.parser = parser;
    this.verifier = verifier;
    this.metrics = metrics;
    this.devices = devices;
    for (Region r : regions) {
      served[r.ordinal()] = true;
    }
    this.maxInFlight = maxInFlight;
    this.wallClock = wallClock;
    this.recent = new RecentRequestIds(REPLAY_WINDOW);
    this.transforms = TransformService.withDefaults();
  }

  Answer answer(Endpoint endpoint, ByteBuffer body) {
    byte[] bytes;
    int offset;
    int length = body.remaining();
    if (body.hasArray()) {
      bytes = body.array();
      offset = body.arrayOffset() + body.position();
    } else { // one copy, shared by the StAX read and the signature check
      bytes = new byte[length];
      body.duplicate().get(bytes);
      offset = 0;
    }
    DuisRequest request;
    Srv srv;
    try {
      request = parser.parseWellFormed(bytes, offset, length);
      if (verifier != null) {
        Answer refused = verifySignature(request, bytes, offset, length);
        if (refused != null) {
          return refused;
        }
      }
      srv = parser.validate(request, endpoint);
    } catch (DuisRejectedException e) {
      HttpResponseStatus status = e.reason().schemaLevel() ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.OK;
      return new Answer(status, responses.error(e, wallClock.instant()), e.responseCode().code(), null);
    }
    Region region = route(request, srv);
    if (region == null) {
      return new Answer(HttpResponseStatus.OK, responses.error(request, ResponseCode.E19, wallClock.instant()),
          ResponseCode.E19.code(), null);
    }
    if (request.commandVariant() == 4) {
      return transform(request, srv);
    }
    // a signed pre-command reuses its transform's RequestID; the Transform Service refuses its own replays
    boolean windowed = request.signedPreCommand() == null;
    if (windowed && !recent.add(request.requestId())) {
      return new Answer(HttpResponseStatus.OK, responses.error(request, REPLAYED, wallClock.instant()),
          "replayed", null);
    }
    if (inFlight.incrementAndGet() > maxInFlight) {
      inFlight.decrementAndGet();
      if (windowed) {
        recent.undo(request.requestId()); // refused, not acted on: the user may send it again
      }
      refused.incrementAndGet();
      return shed(request);
    }
    if (request.signedPreCommand() != null) { // admitted first, so that a shed one keeps its pre-command
      Answer refusedPreCommand = redeem(request);
      if (refusedPreCommand != null) {
        inFlight.decrementAndGet();
        return refusedPreCommand;
      }
    }
    accepted.incrementAndGet();
    return new Answer(HttpResponseStatus.OK, responses.acknowledgement(request, wallClock.instant()),
        ResponseCode.I99.code(), new Accepted(request, srv, region, System.nanoTime()));
  }

  private Answer shed(DuisRequest request) {
    return new Answer(HttpResponseStatus.SERVICE_UNAVAILABLE,
        responses.error(request, ResponseCode.CSP_UNAVAILABLE, wallClock.instant()), "shed", null);
  }

  /** The Transform Service: I0 with the pre-command, nothing routed. */
  private Answer transform(DuisRequest request, Srv srv) {
    Instant now = wallClock.instant();
    return transforms.transform(request, srv, now)
        .map(payload -> new Answer(HttpResponseStatus.OK,
            responses.preCommand(request, TransformService.GBCS_VERSION, payload, now), ResponseCode.I0.code(), null))
        .orElseGet(() -> shed(request));
  }

  /** {@code null} when the signed pre-command is the one issued for the request, else the refusal. */
  private Answer redeem(DuisRequest request) {
    if (transforms.redeem(request).isEmpty()) {
      return null;
    }
    ResponseCode code = ResponseCode.PRE_COMMAND_REFUSED;
    return new Answer(HttpResponseStatus.OK, responses.error(request, code, wallClock.instant()), code.code(), null);
  }

  /**
   * Authenticates a well-formed request by its XML signature: the signer must be a trusted
   * certificate of the RequestID's originator, and the document as signed. A refusal is answered
   * {@link ResponseCode#SIGNATURE_REFUSED} (E1) with HTTP 200, and gets no final response.
   */
  private Answer verifySignature(DuisRequest request, byte[] bytes, int offset, int length) {
    try {
      verifier.verifyRequest(bytes, offset, length, request.requestId().originator());
      return null;
    } catch (SignatureRejectedException e) {
      metrics.signatureRefused(e.reason());
      return new Answer(HttpResponseStatus.OK, responses.error(request, ResponseCode.SIGNATURE_REFUSED,
          wallClock.instant()), ResponseCode.SIGNATURE_REFUSED.code(), null);
    }
  }

  /**
   * The region whose CSP serves the request, or {@code null} (E19): a device's region; the
   * non-device region for a non-device SRV addressed to the DCC itself.
   */
  private Region route(DuisRequest request, Srv srv) {
    long target = request.requestId().target();
    Region region;
    if (devices.isDcc(target)) {
      region = srv.nonDevice() ? devices.nonDeviceRegion() : null;
    } else {
      region = devices.regionOf(target);
    }
    return region != null && served[region.ordinal()] ? region : null;
  }

  /** An accepted request ended (its final response is on its way). */
  void ended() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Requests acknowledged (I99) so far. */
  long accepted() {
    return accepted.get();
  }

  /** Requests refused under load (HTTP 503, E20) so far. */
  long refused() {
    return refused.get();
  }

  DuisResponseBuilder responses() {
    return responses;
  }

  Clock wallClock() {
    return wallClock;
  }
}
