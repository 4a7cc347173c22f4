package io.smsim.duis;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Builds the DUIS responses {@code smsim serve} sends: the synchronous acknowledgement (I99), the
 * synchronous error response, and the final asynchronous {@code sr:Response} POSTed to the user's
 * response URL.
 *
 * <p>Shapes, from the public DCC Boxed samples: synchronous responses as
 * ACKNOWLEDGEMENT_ERROR_RESPONSE_DUIS.XML (header RequestID, ResponseCode, ResponseDateTime; body
 * ResponseMessage with ServiceReference and ServiceReferenceVariant; no signature); the final
 * response as ECS52_11.2_SUCCESS_RESPONSE_DUIS.XML (adds ResponseID, the RequestID with originator
 * and target swapped, an optional GBCSPayload, and a ds:Signature). Responses are built unsigned:
 * the DSP signs final responses with {@link io.smsim.duis.xmldsig.DuisSigner} when it has a key,
 * which appends the ds:Signature, and otherwise sends them unsigned (the schema makes it optional).
 * Times are passed in, never read from a clock. Instances are immutable and thread-safe.
 */
public final class DuisResponseBuilder {

  /** The schema version of the public DCC Boxed response samples. */
  public static final String DEFAULT_SCHEMA_VERSION = "5.1";

  private final String rootStart;

  private DuisResponseBuilder(String schemaVersion) {
    if (!DuisSyntax.isSchemaVersion(schemaVersion)) {
      throw new IllegalArgumentException("schemaVersion must be digits and dots, e.g. 5.1: "
          + SafeText.quote(schemaVersion));
    }
    this.rootStart = XmlText.DECLARATION + "<sr:Response xmlns:sr=\"" + HardenedXml.SR_NS + "\" xmlns:ds=\""
        + HardenedXml.DS_NS + "\" xmlns:ra=\"" + HardenedXml.RA_NS + "\" schemaVersion=\"" + schemaVersion
        + "\"><sr:Header>";
  }

  /** A builder writing {@link #DEFAULT_SCHEMA_VERSION}. */
  public static DuisResponseBuilder create() {
    return new DuisResponseBuilder(DEFAULT_SCHEMA_VERSION);
  }

  public static DuisResponseBuilder create(String schemaVersion) {
    return new DuisResponseBuilder(Objects.requireNonNull(schemaVersion, "schemaVersion"));
  }

  /** The synchronous acknowledgement, I99: the request was accepted and its outcome will follow. */
  public byte[] acknowledgement(DuisRequest request, Instant responseDateTime) {
    return synchronous(request.requestId(), ResponseCode.I99, request.serviceReference(),
        request.serviceReferenceVariant(), responseDateTime);
  }

  /** The synchronous error response for a rejected request, echoing what of it could be read. */
  public byte[] error(DuisRejectedException rejection, Instant responseDateTime) {
    DuisRequest request = rejection.request().orElse(null);
    return synchronous(rejection.requestId().orElse(null), rejection.responseCode(),
        request == null ? null : request.serviceReference(),
        request == null ? null : request.serviceReferenceVariant(), responseDateTime);
  }

  /** The synchronous error response for a well-formed request refused with {@code code} (e.g. E19). */
  public byte[] error(DuisRequest request, ResponseCode code, Instant responseDateTime) {
    requireError(code);
    return synchronous(request.requestId(), code, request.serviceReference(), request.serviceReferenceVariant(),
        responseDateTime);
  }

  /**
   * A synchronous response from parts; {@code requestId}, {@code serviceReference} and
   * {@code serviceReferenceVariant} may be {@code null} and are then left out (the body too, when
   * both references are null).
   */
  public byte[] synchronous(RequestId requestId, ResponseCode code, String serviceReference,
      String serviceReferenceVariant, Instant responseDateTime) {
    Objects.requireNonNull(code, "code");
    StringBuilder out = new StringBuilder(640).append(rootStart);
    if (requestId != null) {
      requestId.appendTo(out.append("<sr:RequestID>")).append("</sr:RequestID>");
    }
    header(out, code, responseDateTime);
    if (serviceReference != null || serviceReferenceVariant != null) {
      out.append("<sr:Body><sr:ResponseMessage>");
      references(out, serviceReference, serviceReferenceVariant);
      out.append("</sr:ResponseMessage></sr:Body>");
    }
    return out.append("</sr:Response>").toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The Transform Service's synchronous answer to a critical request (command variant 4): I0 with
   * {@code ResponseMessage/PreCommand} holding the GBCS version and the pre-command for the user to
   * sign (DUIS XSD {@code sr:PreCommand}: GBCSVersion, GBCSPayload), as DCC Boxed answers.
   */
  public byte[] preCommand(DuisRequest request, String gbcsVersion, String gbcsPayloadBase64,
      Instant responseDateTime) {
    Objects.requireNonNull(gbcsVersion, "gbcsVersion");
    Objects.requireNonNull(gbcsPayloadBase64, "gbcsPayloadBase64");
    StringBuilder out = new StringBuilder(768 + gbcsPayloadBase64.length()).append(rootStart);
    request.requestId().appendTo(out.append("<sr:RequestID>")).append("</sr:RequestID>");
    header(out, ResponseCode.I0, responseDateTime);
    out.append("<sr:Body><sr:ResponseMessage>");
    references(out, request.serviceReference(), request.serviceReferenceVariant());
    out.append("<sr:PreCommand>");
    XmlText.element(out, "GBCSVersion", gbcsVersion);
    XmlText.element(out, "GBCSPayload", gbcsPayloadBase64);
    out.append("</sr:PreCommand></sr:ResponseMessage></sr:Body></sr:Response>");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * The final asynchronous response: {@code code} is I0 or an error code (E20 when the CSP could not
   * take the request on, see {@link ResponseCode#CSP_UNAVAILABLE}); {@code gbcsPayloadBase64} is
   * the device's answer for I0, or {@code null}.
   */
  public byte[] finalResponse(DuisRequest request, ResponseCode code, String gbcsPayloadBase64,
      Instant responseDateTime) {
    Objects.requireNonNull(code, "code");
    if (code == ResponseCode.I99) {
      throw new IllegalArgumentException("a final response cannot be an acknowledgement (I99)");
    }
    StringBuilder out = new StringBuilder(1280).append(rootStart);
    request.requestId().appendTo(out.append("<sr:RequestID>")).append("</sr:RequestID>");
    request.requestId().responseId().appendTo(out.append("<sr:ResponseID>")).append("</sr:ResponseID>");
    header(out, code, responseDateTime);
    out.append("<sr:Body><sr:ResponseMessage>");
    references(out, request.serviceReference(), request.serviceReferenceVariant());
    if (gbcsPayloadBase64 != null) {
      XmlText.element(out, "GBCSPayload", gbcsPayloadBase64);
    }
    out.append("</sr:ResponseMessage></sr:Body></sr:Response>");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void header(StringBuilder out, ResponseCode code, Instant responseDateTime) {
    Objects.requireNonNull(responseDateTime, "responseDateTime");
    out.append("<sr:ResponseCode>").append(code.code()).append("</sr:ResponseCode><sr:ResponseDateTime>");
    XmlText.dateTime(out, responseDateTime);
    out.append("</sr:ResponseDateTime></sr:Header>");
  }

  private static void references(StringBuilder out, String serviceReference, String serviceReferenceVariant) {
    if (serviceReference != null) {
      XmlText.element(out, "ServiceReference", serviceReference);
    }
    if (serviceReferenceVariant != null) {
      XmlText.element(out, "ServiceReferenceVariant", serviceReferenceVariant);
    }
  }

  private static void requireError(ResponseCode code) {
    if (!Objects.requireNonNull(code, "code").isError()) {
      throw new IllegalArgumentException("an error response needs an error code (E...): " + code);
    }
  }
}
