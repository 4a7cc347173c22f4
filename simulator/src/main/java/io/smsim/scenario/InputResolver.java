package io.smsim.scenario;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where a file a scenario names (a trace) is read from, given its name as written: next to the
 * scenario file ({@link #besides}), or, on a Spark executor, the copy shipped with the job. The
 * binder resolves every such name here, so the scenario's text needs no change to run elsewhere.
 */
@FunctionalInterface
public interface InputResolver {

  /**
   * @param written the file name as the scenario (or an override) wrote it
   * @throws InvalidPathException when it is not a path
   */
  Path resolve(String written);

  /** Names relative to the directory of the scenario file {@code source}; absolute names as they are. */
  static InputResolver besides(String source) {
    Path base = baseDir(source);
    return written -> {
      Path p = Path.of(written);
      return p.isAbsolute() ? p : base.resolve(p).normalize();
    };
  }

  /** The directory relative names are resolved against: the scenario file's. */
  private static Path baseDir(String source) {
    try {
      Path parent = Path.of(source).toAbsolutePath().getParent();
      return parent == null ? Path.of("").toAbsolutePath() : parent;
    } catch (InvalidPathException e) {
      return Path.of("").toAbsolutePath();
    }
  }
}
