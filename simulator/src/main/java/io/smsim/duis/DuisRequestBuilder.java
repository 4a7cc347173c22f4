package io.smsim.duis;

import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds DUIS service requests ({@code sr:Request}) for {@code smsim load}: valid header and a body
 * element for the SRV, unsigned; written straight into a {@link StringBuilder} (no DOM) so that a
 * core builds hundreds of thousands a second. The DUIS schema requires a {@code ds:Signature}: a
 * request is signed afterwards with {@link io.smsim.duis.xmldsig.DuisSigner}, which appends it.
 *
 * <p>Shape, from the DUIS samples (DCC Reference Test Data Set, SmartDCCInnovation duis-templates):
 * {@code sr:Request[@schemaVersion]} with namespaces {@code sr}, {@code ds}, {@code xsi}; an
 * {@code sr:Header} of RequestID, CommandVariant, ServiceReference, ServiceReferenceVariant; an
 * {@code sr:Body} with one element; and (once signed) {@code ds:Signature}.
 *
 * <p>The body element is empty: smsim emulates routing, capacity and timing, not GBCS content. Its
 * name is the SRV's name in PascalCase, which is DUIS's element for most SRVs (4.1.1
 * ReadInstantaneousImportRegisters, 11.2 ReadFirmwareVersion, 8.7.1 JoinServiceCritical), with the
 * exceptions the samples show (8.1.1, 8.14.1, 12.2) taken from them; other SRVs may differ from DUIS.
 * Instances are immutable and thread-safe.
 */
public final class DuisRequestBuilder {

  /** The schema version of the public request samples. */
  public static final String DEFAULT_SCHEMA_VERSION = "5.4";

  private static final Map<String, String> BODY_ELEMENT_FROM_SAMPLES = Map.of(
      "8.1.1", "CommissionDeviceSynchroniseClock",
      "8.14.1", "CHFInstallSuccessSMWAN",
      "12.2", "DevicePrenotification");

  private final String rootStart;
  private final Map<String, String> bodyElementByVariant;

  private DuisRequestBuilder(SrvCatalogue catalogue, String schemaVersion) {
    if (!DuisSyntax.isSchemaVersion(schemaVersion)) {
      throw new IllegalArgumentException("schemaVersion must be digits and dots, e.g. 5.4: "
          + SafeText.quote(schemaVersion));
    }
    this.rootStart = XmlText.DECLARATION + "<sr:Request xmlns:ds=\"" + HardenedXml.DS_NS + "\" xmlns:sr=\""
        + HardenedXml.SR_NS + "\" xmlns:xsi=\"" + HardenedXml.XSI_NS + "\" schemaVersion=\"" + schemaVersion
        + "\"><sr:Header><sr:RequestID>";
    Map<String, String> names = new HashMap<>();
    for (Srv srv : catalogue.all()) {
      names.put(srv.variant(), bodyElementFor(srv));
    }
    this.bodyElementByVariant = names;
  }

  /** A builder for the catalogue's SRVs, writing {@link #DEFAULT_SCHEMA_VERSION}. */
  public static DuisRequestBuilder create(SrvCatalogue catalogue) {
    return new DuisRequestBuilder(catalogue, DEFAULT_SCHEMA_VERSION);
  }

  public static DuisRequestBuilder create(SrvCatalogue catalogue, String schemaVersion) {
    return new DuisRequestBuilder(Objects.requireNonNull(catalogue, "catalogue"),
        Objects.requireNonNull(schemaVersion, "schemaVersion"));
  }

  /** A request for {@code srv} with its default command variant ({@link Srv#defaultCommandVariant()}). */
  public byte[] build(Srv srv, RequestId requestId) {
    return build(srv, requestId, srv.defaultCommandVariant());
  }

  /**
   * A request for {@code srv} with {@code commandVariant}, as UTF-8 bytes.
   *
   * @throws IllegalArgumentException when DUIS does not allow the variant for the SRV, or the SRV is
   *     not in this builder's catalogue
   */
  public byte[] build(Srv srv, RequestId requestId, int commandVariant) {
    return appendTo(new StringBuilder(1536), srv, requestId, commandVariant).toString()
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Writes the request into {@code out} and returns it, for callers that reuse a builder or encode themselves. */
  public StringBuilder appendTo(StringBuilder out, Srv srv, RequestId requestId, int commandVariant) {
    Objects.requireNonNull(requestId, "requestId");
    String body = bodyElementByVariant.get(srv.variant());
    if (body == null) {
      throw new IllegalArgumentException("SRV is not in this builder's catalogue: " + SafeText.quote(srv.variant()));
    }
    if (!srv.allowsCommandVariant(commandVariant)) {
      throw new IllegalArgumentException("commandVariant " + commandVariant + " is not allowed for SRV "
          + srv.variant() + " (default " + srv.defaultCommandVariant() + ")");
    }
    out.append(rootStart);
    requestId.appendTo(out).append("</sr:RequestID><sr:CommandVariant>").append(commandVariant)
        .append("</sr:CommandVariant>");
    XmlText.element(out, "ServiceReference", srv.reference());
    XmlText.element(out, "ServiceReferenceVariant", srv.variant());
    out.append("</sr:Header><sr:Body><sr:").append(body).append("/></sr:Body>");
    return out.append("</sr:Request>");
  }

  /**
   * A signed pre-command for {@code srv} (command variant 5, 6 or 7): body {@code sr:SignedPreCommand}
   * with {@code sr:GBCSPayload}, the user's signed GBCS pre-command in base64, as UTF-8 bytes, unsigned (sign
   * it with {@link io.smsim.duis.xmldsig.DuisSigner}).
   */
  public byte[] buildSignedPreCommand(Srv srv, RequestId requestId, int commandVariant, String gbcsPayloadBase64) {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(gbcsPayloadBase64, "gbcsPayloadBase64");
    if (commandVariant < 5 || commandVariant > 7 || !srv.allowsCommandVariant(commandVariant)) {
      throw new IllegalArgumentException("a signed pre-command needs command variant 5, 6 or 7 of a critical SRV: "
          + commandVariant + " for " + srv.variant());
    }
    StringBuilder out = new StringBuilder(1024 + gbcsPayloadBase64.length()).append(rootStart);
    requestId.appendTo(out).append("</sr:RequestID><sr:CommandVariant>").append(commandVariant)
        .append("</sr:CommandVariant>");
    XmlText.element(out, "ServiceReference", srv.reference());
    XmlText.element(out, "ServiceReferenceVariant", srv.variant());
    out.append("</sr:Header><sr:Body><sr:SignedPreCommand>");
    XmlText.element(out, "GBCSPayload", gbcsPayloadBase64);
    out.append("</sr:SignedPreCommand></sr:Body></sr:Request>");
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The body element smsim writes for {@code srv}, e.g. {@code ReadFirmwareVersion} for 11.2. */
  public static String bodyElementFor(Srv srv) {
    String fromSamples = BODY_ELEMENT_FROM_SAMPLES.get(srv.variant());
    if (fromSamples != null) {
      return fromSamples;
    }
    StringBuilder name = new StringBuilder(srv.name().length());
    boolean upperNext = true;
    for (int i = 0; i < srv.name().length(); i++) {
      char c = srv.name().charAt(i);
      if (c < 128 && Character.isLetterOrDigit(c)) {
        name.append(upperNext ? Character.toUpperCase(c) : c);
        upperNext = false;
      } else {
        upperNext = true;
      }
    }
    if (name.length() == 0 || !Character.isLetter(name.charAt(0))) {
      name.insert(0, "Srv");
    }
    return name.toString();
  }
}
