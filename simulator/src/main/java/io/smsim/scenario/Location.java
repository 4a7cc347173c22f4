package io.smsim.scenario;

/** Where a value was written: a file position (1-based line and column) or an origin such as {@code --set}. */
public record Location(String source, int line, int column) {

  /** A location outside any file, e.g. a command-line override. */
  public static Location of(String source) {
    return new Location(source, 0, 0);
  }

  @Override
  public String toString() {
    return line > 0 ? source + ":" + line + ":" + column : source;
  }
}
