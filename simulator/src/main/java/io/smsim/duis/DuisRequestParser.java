package io.smsim.duis;

import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Parses and validates DUIS service requests ({@code sr:Request}) as {@code smsim serve} receives
 * them: untrusted bytes in, a {@link DuisRequest} or a {@link DuisRejectedException} carrying the
 * DUIS response code out.
 *
 * <p>Parsing streams the document once with StAX (no DOM) under the defences of
 * {@code HardenedXml}: no DTD ever (a DOCTYPE is rejected outright), no entities, bounded size and
 * depth, strict UTF-8, the DUIS namespace and structure. Validation then applies the DUIS checks
 * against the {@link SrvCatalogue}, in this order:
 * <ol>
 *   <li>the SRV is known ({@link RejectReason#UNKNOWN_SRV});</li>
 *   <li>the ServiceReference is the SRV's: the catalogue's, or its numbering's (6.20.1 belongs to
 *       6.20; the public request matrix lists 6.2), else {@link RejectReason#SERVICE_REFERENCE_MISMATCH};</li>
 *   <li>the command variant is allowed for the SRV ({@link Srv#allowsCommandVariant}, E12);</li>
 *   <li>the command variant fits the endpoint it was posted to ({@link Endpoint#accepts}, E13).</li>
 * </ol>
 * Authorisation (E1–E5, E19: user roles, device existence) is the caller's business. Instances are
 * immutable and thread-safe.
 */
public final class DuisRequestParser {

  /** Default size limit, 4 MiB (11.1 Update Firmware carries a base64 image). */
  public static final int DEFAULT_MAX_BYTES = HardenedXml.DEFAULT_MAX_BYTES;
  /** Default element depth limit. */
  public static final int DEFAULT_MAX_DEPTH = HardenedXml.DEFAULT_MAX_DEPTH;

  private final SrvCatalogue catalogue;
  private final int maxBytes;
  private final int maxDepth;

  private DuisRequestParser(SrvCatalogue catalogue, int maxBytes, int maxDepth) {
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes must be positive: " + maxBytes);
    }
    if (maxDepth < 4) {
      throw new IllegalArgumentException("maxDepth must be at least 4 (Request/Body/element/child): " + maxDepth);
    }
    this.maxBytes = maxBytes;
    this.maxDepth = maxDepth;
  }

  /** A parser with the default limits. */
  public static DuisRequestParser create(SrvCatalogue catalogue) {
    return new DuisRequestParser(catalogue, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);
  }

  /** A parser with explicit limits: {@code maxBytes} of input, {@code maxDepth} nested elements. */
  public static DuisRequestParser create(SrvCatalogue catalogue, int maxBytes, int maxDepth) {
    return new DuisRequestParser(catalogue, maxBytes, maxDepth);
  }

  /** Parses a request posted to {@code endpoint} and validates it against the catalogue and endpoint. */
  public DuisRequest parse(Endpoint endpoint, byte[] xml) throws DuisRejectedException {
    return parse(endpoint, xml, 0, xml.length);
  }

  /** As {@link #parse(Endpoint, byte[])}, for {@code xml[offset, offset + length)}. */
  public DuisRequest parse(Endpoint endpoint, byte[] xml, int offset, int length) throws DuisRejectedException {
    DuisRequest request = parseWellFormed(xml, offset, length);
    validate(request, endpoint);
    return request;
  }

  /** As {@link #parse(Endpoint, byte[])}, for the buffer's remaining bytes (its position is not moved). */
  public DuisRequest parse(Endpoint endpoint, ByteBuffer xml) throws DuisRejectedException {
    DuisRequest request;
    try (XmlCursor cursor = HardenedXml.open(xml, maxBytes, maxDepth)) {
      request = RequestReader.read(cursor);
    }
    validate(request, endpoint);
    return request;
  }

  /** Schema-level checks only: a well-formed DUIS request, not yet checked against catalogue or endpoint. */
  public DuisRequest parseWellFormed(byte[] xml, int offset, int length) throws DuisRejectedException {
    try (XmlCursor cursor = HardenedXml.open(xml, offset, length, maxBytes, maxDepth)) {
      return RequestReader.read(cursor);
    }
  }

  /**
   * The DUIS checks of a well-formed request against the catalogue and the endpoint it came to.
   *
   * @return the request's SRV
   */
  public Srv validate(DuisRequest request, Endpoint endpoint) throws DuisRejectedException {
    Objects.requireNonNull(endpoint, "endpoint");
    String variant = request.serviceReferenceVariant();
    int index = catalogue.indexOf(variant);
    if (index < 0) {
      throw reject(RejectReason.UNKNOWN_SRV, SafeText.quote(variant), request);
    }
    Srv srv = catalogue.get(index);
    String reference = request.serviceReference();
    if (!reference.equals(srv.reference()) && !reference.equals(DuisSyntax.referenceOf(variant))) {
      throw reject(RejectReason.SERVICE_REFERENCE_MISMATCH,
          "ServiceReference " + SafeText.quote(reference) + " with ServiceReferenceVariant " + variant
          + " (expected " + srv.reference() + ")", request);
    }
    int cv = request.commandVariant();
    if (!srv.allowsCommandVariant(cv)) {
      throw reject(RejectReason.COMMAND_VARIANT_NOT_ALLOWED, "CommandVariant " + cv + " for SRV " + variant
          + " (" + kind(srv) + ", allowed " + allowed(srv) + ")", request);
    }
    if (!endpoint.accepts(cv)) {
      throw reject(RejectReason.WRONG_ENDPOINT, "CommandVariant " + cv + " sent to " + endpoint.path()
          + " (belongs to " + Endpoint.forCommandVariant(cv).path() + ")", request);
    }
    return srv;
  }

  private static DuisRejectedException reject(RejectReason reason, String value, DuisRequest request) {
    return new DuisRejectedException(reason, value).withRequest(request);
  }

  private static String kind(Srv srv) {
    return srv.nonDevice() ? "non-device" : srv.critical() ? "critical" : "non-critical";
  }

  private static String allowed(Srv srv) {
    StringBuilder sb = new StringBuilder();
    for (int cv = 1; cv <= 8; cv++) {
      if (srv.allowsCommandVariant(cv)) {
        sb.append(sb.length() == 0 ? "" : ",").append(cv);
      }
    }
    return sb.toString();
  }
}
