package io.smsim.load;

/** No connection to the target could be opened at the start of a run. */
public final class TargetUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public TargetUnreachableException(String message) {
    super(message);
  }
}
