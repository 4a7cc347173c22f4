package io.smsim.duis;

import java.util.Objects;
import java.util.Optional;

/**
 * The header of a DUIS response ({@code sr:Response}) and the service reference it answers: what
 * {@code smsim load} needs to match a response to its request and classify the outcome.
 *
 * <p>The same shape serves the synchronous acknowledgement (I99), the synchronous error response
 * and the final asynchronous response (I0 or an error), as in the public samples
 * ACKNOWLEDGEMENT_ERROR_RESPONSE_DUIS.XML and ECS52_11.2_SUCCESS_RESPONSE_DUIS.XML. Fields a
 * response may lack are {@code null}.
 *
 * @param schemaVersion the {@code schemaVersion} attribute
 * @param requestId the {@code sr:RequestID}, or {@code null} when absent (an error for a request
 *     whose RequestID could not be read)
 * @param responseId the {@code sr:ResponseID}, or {@code null} when absent (synchronous responses)
 * @param responseCode the {@code sr:ResponseCode} as written, e.g. {@code "I0"}; codes smsim does not
 *     know are kept, see {@link #code()}
 * @param responseDateTime the {@code sr:ResponseDateTime} as written, e.g. {@code 2022-08-12T06:43:49.844Z}
 * @param serviceReference the {@code sr:ResponseMessage/sr:ServiceReference}, or {@code null}
 * @param serviceReferenceVariant the {@code sr:ResponseMessage/sr:ServiceReferenceVariant}, or {@code null}
 * @param preCommand the base64 {@code sr:ResponseMessage/sr:PreCommand/sr:GBCSPayload} of a Transform Service
 *     answer, or {@code null}
 */
public record DuisResponse(String schemaVersion, RequestId requestId, RequestId responseId, String responseCode,
    String responseDateTime, String serviceReference, String serviceReferenceVariant, String preCommand) {

  /** A response without a pre-command. */
  public DuisResponse(String schemaVersion, RequestId requestId, RequestId responseId, String responseCode,
      String responseDateTime, String serviceReference, String serviceReferenceVariant) {
    this(schemaVersion, requestId, responseId, responseCode, responseDateTime, serviceReference,
        serviceReferenceVariant, null);
  }

  public DuisResponse {
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(responseCode, "responseCode");
    Objects.requireNonNull(responseDateTime, "responseDateTime");
  }

  /** The response code, when smsim knows it. */
  public Optional<ResponseCode> code() {
    return ResponseCode.find(responseCode);
  }

  /** Whether this is the synchronous acknowledgement, I99. */
  public boolean isAcknowledgement() {
    return ResponseCode.I99.code().equals(responseCode);
  }

  /** Whether the request succeeded, I0. */
  public boolean isSuccess() {
    return ResponseCode.I0.code().equals(responseCode);
  }

  /** Whether the code is an error ({@code E...}), known to smsim or not. */
  public boolean isError() {
    return responseCode.startsWith("E");
  }
}
