package io.smsim.output;

import java.nio.file.Path;

/**
 * An output file or directory that cannot be written: which path, and why. {@link Stage#CHECK}
 * problems are found before any work starts (the command line's bad input, exit 2);
 * {@link Stage#WRITE} problems happen while writing (a full disk), after which no half-written
 * file is left behind.
 */
public final class OutputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** When the problem was found. */
  public enum Stage {
    /** Checking an output directory before any work. */
    CHECK,
    /** Writing a file. */
    WRITE
  }

  private final transient Path path;
  private final Stage stage;

  /** A file that could not be written. */
  public OutputException(Path file, String why) {
    this(Stage.WRITE, file, why, null);
  }

  OutputException(Stage stage, Path path, String why, Throwable cause) {
    super((stage == Stage.CHECK ? "cannot write to " : "cannot write ") + path + ": " + why, cause);
    this.path = path;
    this.stage = stage;
  }

  /** The directory or file that could not be written. */
  public Path path() {
    return path;
  }

  public Stage stage() {
    return stage;
  }
}
