package io.smsim.cli;

/** A user mistake outside the scenario file (an option, a path): reported in one line, exit 2. */
public final class BadInputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public BadInputException(String message) {
    super(message);
  }
}
