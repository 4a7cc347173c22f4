package io.smsim.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place trace files are opened and checked. Everything that reads a trace (the binder's
 * check, every replication's replay) opens it here, so a tool that ships a scenario elsewhere
 * (Spark) knows which files to carry: {@code Scenario.inputFiles()} lists them.
 *
 * <p>{@link #scan} reads a whole trace once, row by row in constant memory, and remembers the
 * result by path, size and modification time: a scenario bound many times (variants, sweep
 * points, calibration candidates) reads each trace once.
 */
public final class TraceFiles {

  private static final int BUFFER_CHARS = 1 << 16;
  private static final int MAX_REMEMBERED = 64;
  private static final Map<Object, TraceScan> SCANS = new ConcurrentHashMap<>();

  private TraceFiles() {
  }

  /** Opens a trace for reading: UTF-8 (malformed bytes are an error, not replaced), buffered. */
  public static BufferedReader open(Path file) throws IOException {
    var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), BUFFER_CHARS);
  }

  /** Reads a trace for one region and category (ordinals, or {@link TraceReader#ANY}), times from {@code origin}. */
  public static TraceReader reader(Path file, Instant origin, ZoneId zone, long intervalNanos, int region,
      int category) {
    return new TraceReader(file, origin, zone, intervalNanos, region, category);
  }

  private record Key(Path file, long size, long modifiedMillis, ZoneId zone, long intervalNanos) {
  }

  /**
   * Checks every row of a trace and counts it, per region and category column value.
   *
   * @throws TraceException at the first problem, with its line and column
   */
  public static TraceScan scan(Path file, ZoneId zone, long intervalNanos) {
    Path abs = file.toAbsolutePath().normalize();
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(abs, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new TraceException(file.toString(), 0, 0, "cannot read the trace file: " + describe(e));
    }
    if (!attrs.isRegularFile()) {
      throw new TraceException(file.toString(), 0, 0, "the trace is not a regular file");
    }
    Key key = new Key(abs, attrs.size(), attrs.lastModifiedTime().toMillis(), zone, intervalNanos);
    TraceScan known = SCANS.get(key);
    if (known != null) {
      return known;
    }
    TraceScan scan = TraceScan.of(reader(file, Instant.EPOCH, zone, intervalNanos, TraceReader.ANY, TraceReader.ANY));
    if (SCANS.size() >= MAX_REMEMBERED) {
      SCANS.clear();
    }
    SCANS.put(key, scan);
    return scan;
  }

  /** A short reason for an I/O failure, for one-line messages. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
