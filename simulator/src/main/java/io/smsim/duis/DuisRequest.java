package io.smsim.duis;

import java.util.Objects;

/**
 * The header of a DUIS service request ({@code sr:Request}) and the name of its body element: what
 * smsim needs to route, time and answer a request. The body's content (GBCS data, firmware images)
 * is not kept.
 *
 * @param schemaVersion the {@code schemaVersion} attribute, e.g. {@code "5.4"}
 * @param requestId the {@code sr:RequestID}
 * @param commandVariant the {@code sr:CommandVariant}, 1 to 8
 * @param serviceReference the {@code sr:ServiceReference}, e.g. {@code "8.1"}
 * @param serviceReferenceVariant the {@code sr:ServiceReferenceVariant} (SRV), e.g. {@code "8.1.1"}
 * @param bodyElement the local name of the first element in {@code sr:Body}, e.g. {@code "ReadFirmwareVersion"}
 * @param signedPreCommand the base64 text of {@code sr:SignedPreCommand/sr:GBCSPayload} when the body is a
 *     signed pre-command (command variants 5 to 7), else {@code null}
 */
public record DuisRequest(String schemaVersion, RequestId requestId, int commandVariant, String serviceReference,
    String serviceReferenceVariant, String bodyElement, String signedPreCommand) {

  /** The body element of a signed pre-command (DUIS XSD {@code sr:SignedPreCommand}). */
  public static final String SIGNED_PRE_COMMAND = "SignedPreCommand";

  /** A request whose body is not a signed pre-command. */
  public DuisRequest(String schemaVersion, RequestId requestId, int commandVariant, String serviceReference,
      String serviceReferenceVariant, String bodyElement) {
    this(schemaVersion, requestId, commandVariant, serviceReference, serviceReferenceVariant, bodyElement, null);
  }

  public DuisRequest {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(serviceReference, "serviceReference");
    Objects.requireNonNull(serviceReferenceVariant, "serviceReferenceVariant");
    Objects.requireNonNull(bodyElement, "bodyElement");
    if (commandVariant < 1 || commandVariant > 8) {
      throw new IllegalArgumentException("commandVariant must be in [1,8]: " + commandVariant);
    }
  }
}
