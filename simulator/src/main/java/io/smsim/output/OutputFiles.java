package io.smsim.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way smsim writes files. A command calls {@link #prepareDirectory} on its output
 * directory before any simulation (so a bad {@code --out} costs nothing), then writes each file
 * with {@link #write} or {@link #writeString}: to a temporary name in the same directory, forced
 * to disk and atomically moved into place ({@link AtomicFile}). Every failure is an
 * {@link OutputException} that names the path and why.
 */
public final class OutputFiles {

  /** Longest directory name {@link #segment} makes (file systems allow 255 bytes). */
  static final int MAX_SEGMENT = 100;
  /** Kernel file systems: nothing of smsim's belongs there, whatever the permissions say. */
  private static final List<Path> KERNEL = List.of(Path.of("/proc"), Path.of("/sys"), Path.of("/dev"));

  /** Writes a file's bytes. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  private OutputFiles() {
  }

  /**
   * Makes sure {@code dir} can take output files, creating it (and its parents) if needed: it must
   * not be a file or under a kernel file system (/proc, /sys, /dev), and a file must be creatable
   * in it (tried with a temporary file that is deleted at once).
   *
   * @return {@code dir}
   * @throws OutputException ({@link OutputException.Stage#CHECK}) naming the path and why
   */
  public static Path prepareDirectory(Path dir) {
    Path abs;
    try {
      abs = dir.toAbsolutePath().normalize();
    } catch (InvalidPathException | java.io.IOError e) {
      throw check(dir, "not a usable path", null);
    }
    for (Path k : KERNEL) {
      if (abs.startsWith(k) || realPath(abs).startsWith(k)) {
        throw check(dir, "it is under " + k + ", a kernel file system", null);
      }
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw check(dir, "it exists and is not a directory", null);
    }
    try {
      Files.createDirectories(dir);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      throw check(dir, "a part of the path exists and is not a directory: " + e.getFile(), e);
    } catch (IOException | SecurityException e) {
      throw check(dir, "cannot create the directory: " + why(e), e);
    }
    Path probe = dir.resolve(".smsim-write-test." + Long.toHexString(ThreadLocalRandom.current().nextLong()
        & Long.MAX_VALUE) + ".tmp");
    try {
      Files.write(probe, new byte[] {'\n'}, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    } catch (IOException | SecurityException e) {
      throw check(dir, "cannot create files in it: " + why(e), e);
    } finally {
      try {
        Files.deleteIfExists(probe);
      } catch (IOException ignored) {
        // the probe was never created
      }
    }
    return dir;
  }

  /**
   * Writes {@code file} atomically from {@code body}.
   *
   * @return {@code file}
   * @throws OutputException ({@link OutputException.Stage#WRITE}) naming the file; nothing half-written is left
   */
  public static Path write(Path file, Body body) {
    try (AtomicFile f = AtomicFile.create(file)) {
      try {
        body.write(f.stream());
      } catch (IOException e) {
        throw new OutputException(OutputException.Stage.WRITE, file, why(e), e);
      } catch (UncheckedIOException e) {
        throw new OutputException(OutputException.Stage.WRITE, file, why(e.getCause()), e);
      }
      f.commit();
    }
    return file;
  }

  /** Writes {@code text} as UTF-8 to {@code file} atomically (see {@link #write}). */
  public static Path writeString(Path file, String text) {
    return write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * A name made safe as one directory name: letters, digits, {@code . _ -} kept, every other run
   * of characters becomes one {@code -}; no leading dot or dash (so never {@code .} or
   * {@code ..}); at most {@value #MAX_SEGMENT} characters; {@code scenario} when nothing is left.
   * {@code "../../x"} becomes {@code x}, {@code "CSP North / 2 April"} becomes
   * {@code CSP-North-2-April}.
   */
  public static String segment(String name) {
    StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_SEGMENT));
    boolean dash = false;
    for (int i = 0; i < name.length() && b.length() < MAX_SEGMENT; i++) {
      char c = name.charAt(i);
      boolean keep = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
      if (keep && !(b.length() == 0 && (c == '.' || c == '-'))) {
        b.append(c);
        dash = false;
      } else if (!dash && b.length() > 0) {
        b.append('-');
        dash = true;
      }
    }
    while (b.length() > 0 && (b.charAt(b.length() - 1) == '-' || b.charAt(b.length() - 1) == '.')) {
      b.setLength(b.length() - 1);
    }
    return b.length() == 0 ? "scenario" : b.toString();
  }

  /** A short reason for an I/O failure: the operating system's words where there are some. */
  static String why(Throwable e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static Path realPath(Path abs) {
    Path p = abs;
    while (p != null) { // the deepest existing ancestor, with links resolved
      try {
        return p.toRealPath().resolve(p.relativize(abs));
      } catch (IOException | SecurityException e) {
        p = p.getParent();
      }
    }
    return abs;
  }

  private static OutputException check(Path dir, String why, Throwable cause) {
    return new OutputException(OutputException.Stage.CHECK, dir, why, cause);
  }
}
