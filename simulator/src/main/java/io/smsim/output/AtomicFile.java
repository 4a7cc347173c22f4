package io.smsim.output;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One output file being written: the bytes go to a temporary file next to the target
 * ({@code .NAME.RANDOM.tmp}, same directory, so the move cannot cross file systems), which
 * {@link #commit()} forces to disk and atomically renames onto the target. Until then the target
 * is untouched (an older version stays whole); {@link #close()} without a commit deletes the
 * temporary file. So a reader never sees a half-written file, and a failure names the file.
 *
 * <pre>
 * try (AtomicFile f = AtomicFile.create(dir.resolve("summary.json"))) {
 *   write(f.stream());
 *   f.commit();
 * }
 * </pre>
 *
 * <p>Not thread-safe; one writer per file.
 */
public final class AtomicFile implements AutoCloseable {

  private final Path target;
  private final Path temp;
  private final FileChannel channel;
  private final OutputStream stream;
  private boolean done;

  private AtomicFile(Path target, Path temp, FileChannel channel) {
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
      @Override
      public void close() throws IOException {
        flush(); // the channel stays open until commit or close
      }
    };
  }

  /**
   * Starts writing {@code target}.
   *
   * @throws OutputException naming the target when the temporary file cannot be created
   */
  public static AtomicFile create(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    for (int attempt = 0; ; attempt++) {
      Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
          .nextLong() & Long.MAX_VALUE) + ".tmp");
      try {
        return new AtomicFile(target, temp, FileChannel.open(temp, StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE));
      } catch (java.nio.file.FileAlreadyExistsException e) {
        if (attempt > 10) {
          throw new OutputException(OutputException.Stage.WRITE, target, "cannot create a temporary file", e);
        }
      } catch (IOException e) {
        throw new OutputException(OutputException.Stage.WRITE, target, OutputFiles.why(e), e);
      }
    }
  }

  /** Where to write the file's bytes (buffered; closing it only flushes). */
  public OutputStream stream() {
    return stream;
  }

  /** The file this will become. */
  public Path target() {
    return target;
  }

  /**
   * Flushes, forces the bytes to disk and moves the temporary file onto the target.
   *
   * @throws OutputException naming the target (the temporary file is deleted)
   */
  public void commit() {
    if (done) {
      throw new IllegalStateException("already committed or closed: " + target);
    }
    try {
      stream.flush();
      channel.force(true);
      channel.close();
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      done = true;
    } catch (IOException e) {
      abort();
      throw new OutputException(OutputException.Stage.WRITE, target, OutputFiles.why(e), e);
    }
  }

  /** Deletes the temporary file unless {@link #commit()} succeeded. */
  @Override
  public void close() {
    if (!done) {
      abort();
    }
  }

  private void abort() {
    done = true;
    try {
      channel.close();
    } catch (IOException ignored) {
      // the file is being thrown away
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException | SecurityException ignored) {
      // nothing more can be done; the name starts with a dot and ends in .tmp
    }
  }
}
