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
 */
public record DuisRequest(String schemaVersion, RequestId requestId, int commandVariant, String serviceReference,
    String serviceReferenceVariant, String bodyElement) {

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
