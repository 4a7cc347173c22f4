package io.smsim.workload;

/**
 * A trace file could not be read: where ({@code file:line:column}, line and column 1-based, 0 when
 * the whole file is meant) and why. The scenario binder turns it into a scenario problem; a replay
 * that meets one (the file changed after it was checked) reports it as bad input.
 */
public final class TraceException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String reason;

  public TraceException(String file, int line, int column, String reason) {
    super((line > 0 ? file + ":" + line + ":" + column : file) + ": " + reason);
    this.file = file;
    this.line = line;
    this.column = column;
    this.reason = reason;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong, without the location. */
  public String reason() {
    return reason;
  }
}
