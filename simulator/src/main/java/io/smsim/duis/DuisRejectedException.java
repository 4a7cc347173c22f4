package io.smsim.duis;

import java.util.Objects;
import java.util.Optional;

/**
 * A DUIS document was rejected: carries the {@link RejectReason} (and so the
 * {@link ResponseCode} to answer with), the offending value, and whatever of the request could be
 * read before the failure, so that the error response can echo the RequestID and SRV.
 *
 * <p>Built without a stack trace: rejections are expected traffic under load, and the reason and
 * value say all there is to say.
 */
public final class DuisRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  private final RejectReason reason;
  private final String offendingValue;
  private final transient RequestId requestId;
  private final transient DuisRequest request;

  /**
   * @param reason why
   * @param offendingValue the value at fault, already made safe to print (see {@code SafeText})
   */
  public DuisRejectedException(RejectReason reason, String offendingValue) {
    this(reason, offendingValue, null, null);
  }

  private DuisRejectedException(RejectReason reason, String offendingValue, RequestId requestId,
      DuisRequest request) {
    super(null, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.offendingValue = Objects.requireNonNull(offendingValue, "offendingValue");
    this.requestId = requestId;
    this.request = request;
  }

  /** A copy that also carries the RequestID read before the failure. */
  DuisRejectedException withRequestId(RequestId id) {
    return new DuisRejectedException(reason, offendingValue, id, request);
  }

  /** A copy that also carries the whole request (failures after parsing). */
  DuisRejectedException withRequest(DuisRequest r) {
    return new DuisRejectedException(reason, offendingValue, r.requestId(), r);
  }

  public RejectReason reason() {
    return reason;
  }

  /** The code to answer with: {@code reason().responseCode()}. */
  public ResponseCode responseCode() {
    return reason.responseCode();
  }

  /** The value at fault, quoted and truncated when it came from the document. */
  public String offendingValue() {
    return offendingValue;
  }

  /** The RequestID, when it was read before the failure. */
  public Optional<RequestId> requestId() {
    return Optional.ofNullable(requestId);
  }

  /** The parsed request, when the failure came from validating a well-formed request. */
  public Optional<DuisRequest> request() {
    return Optional.ofNullable(request);
  }

  @Override
  public String getMessage() {
    return reason.responseCode() + " " + reason.description() + ": " + offendingValue;
  }
}
