package io.smsim.workload;

import io.smsim.model.Category;
import io.smsim.model.Region;
import io.smsim.model.SrvCatalogue;
import io.smsim.model.Timebase;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a trace CSV one row at a time, so memory stays flat however long the file is: a header
 * naming the columns, then either one row per request ({@code timestamp[,srv]}) or one row per
 * interval count ({@code start[,end][,srv],count}); optional {@code region} and {@code category}
 * columns let one file feed several regions and categories. Blank lines and lines starting with
 * {@code #} are skipped; a value may be wrapped in double quotes. Times are ISO-8601 as in the
 * scenario ({@link Timebase#parseInstant}). Every row is checked as it is read: rows must be in
 * time order, and interval rows of one region and category must not overlap. A problem is a
 * {@link TraceException} at {@code file:line:column}.
 */
public final class TraceReader implements AutoCloseable {

  /** What one row stands for. */
  public enum Format { REQUESTS, INTERVALS }

  /** Accept rows of every region or category (no filter). */
  public static final int ANY = -1;

  /** The longest count one interval row may hold. */
  public static final long MAX_COUNT = 1_000_000_000L;

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final List<String> COLUMNS = List.of("timestamp", "start", "end", "region", "category", "srv", "count");
  private static final int TIME = 0;
  private static final int END = 2;
  private static final int REGION = 3;
  private static final int CATEGORY = 4;
  private static final int SRV = 5;
  private static final int COUNT = 6;

  private final BufferedReader in;
  private final String name;
  private final ZoneId zone;
  private final Instant origin;
  private final long intervalNanos;
  private final int regionFilter;
  private final int categoryFilter;
  private final int[] position = new int[COLUMNS.size()];
  private final int width;
  private final Format format;
  private final long[] lastEndByKey = new long[(Region.values().length + 1) * (Category.values().length + 1)];
  private final long[] lastStartByKey = new long[lastEndByKey.length];
  private final String[] fields;
  private final int[] fieldColumns;
  private long lastStartNanos = Long.MIN_VALUE;
  private int lastStartLine;
  private int lineNumber;
  private boolean ended;

  // the current row
  long startNanos;
  long endNanos;
  int region;
  int category;
  int srv;
  long count;
  int line;

  /**
   * @param file opened through {@link TraceFiles#open}
   * @param origin times are returned as nanoseconds from this instant (the scenario's start)
   * @param zone the zone of timestamps written without an offset
   * @param intervalNanos the length of an interval row without an {@code end} column
   * @param regionFilter a region's ordinal or {@link #ANY}
   * @param categoryFilter a category's ordinal or {@link #ANY}
   */
  TraceReader(Path file, Instant origin, ZoneId zone, long intervalNanos, int regionFilter, int categoryFilter) {
    this.name = file.toString();
    this.origin = origin;
    this.zone = zone;
    this.intervalNanos = intervalNanos;
    this.regionFilter = regionFilter;
    this.categoryFilter = categoryFilter;
    Arrays.fill(lastEndByKey, Long.MIN_VALUE);
    try {
      this.in = TraceFiles.open(file);
    } catch (IOException e) {
      throw new TraceException(name, 0, 0, "cannot read the trace file: " + TraceFiles.describe(e));
    }
    try {
      String header = readContentLine();
      if (header == null) {
        throw fail(0, 0, "the trace is empty; it needs a header line such as timestamp,srv or start,count");
      }
      List<String> names = split(header).fields;
      Arrays.fill(position, -1);
      for (int i = 0; i < names.size(); i++) {
        String n = names.get(i).toLowerCase(Locale.ROOT);
        int c = COLUMNS.indexOf(n.equals("time") ? "timestamp" : n);
        if (c < 0) {
          throw fail(lineNumber, 1, "unknown column \"" + names.get(i) + "\"; " + HEADER_RULE);
        }
        if (position[c] >= 0) {
          throw fail(lineNumber, 1, "column " + COLUMNS.get(c) + " appears twice");
        }
        position[c] = i;
      }
      boolean requests = position[TIME] >= 0;
      boolean intervals = position[1] >= 0;
      if (requests == intervals || (requests && (position[END] >= 0 || position[COUNT] >= 0))
          || (intervals && position[COUNT] < 0)) {
        throw fail(lineNumber, 1, HEADER_RULE + ": " + header.trim());
      }
      this.format = requests ? Format.REQUESTS : Format.INTERVALS;
      if (intervals) {
        position[TIME] = position[1];
      }
      this.width = names.size();
      this.fields = new String[width];
      this.fieldColumns = new int[width];
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  private static final String HEADER_RULE = "the header names the columns: timestamp[,srv] for one row per request, "
      + "or start[,end][,srv],count for interval counts, optionally with region and category";

  public Format format() {
    return format;
  }

  /** The file, as named in messages. */
  public String name() {
    return name;
  }

  /** Reads the next row that passes the filters; false at the end of the file. */
  boolean next() {
    while (!ended) {
      String text = readContentLine();
      if (text == null) {
        ended = true;
        close();
        return false;
      }
      parse(text);
      if ((regionFilter == ANY || region == ANY || region == regionFilter)
          && (categoryFilter == ANY || category == ANY || category == categoryFilter)) {
        return true;
      }
    }
    return false;
  }

  private void parse(String text) {
    line = lineNumber;
    int n = splitRow(text);
    if (n != width) {
      throw fail(line, 1, "expected " + width + " values as in the header, got " + n);
    }
    startNanos = time(TIME);
    if (startNanos < lastStartNanos) {
      throw fail(line, fieldColumns[position[TIME]], "rows must be in time order (sort the file by time): "
          + fields[position[TIME]] + " is earlier than the row at line " + lastStartLine);
    }
    lastStartNanos = startNanos;
    lastStartLine = line;
    region = position[REGION] < 0 ? ANY : region(fields[position[REGION]]);
    category = position[CATEGORY] < 0 ? ANY : category(fields[position[CATEGORY]]);
    srv = position[SRV] < 0 || fields[position[SRV]].isEmpty() ? Arrivals.DRAW_FROM_MIX : srv(fields[position[SRV]]);
    if (format == Format.REQUESTS) {
      endNanos = startNanos;
      count = 1;
      return;
    }
    endNanos = position[END] < 0 ? startNanos + intervalNanos : time(END);
    if (endNanos <= startNanos) {
      throw fail(line, fieldColumns[position[END]], "end must be after start: " + fields[position[END]]);
    }
    count = count(fields[position[COUNT]]);
    int key = (region + 1) * (Category.values().length + 1) + category + 1;
    long lastEnd = lastEndByKey[key];
    if (startNanos < lastEnd && !(startNanos == lastStartByKey[key] && endNanos == lastEnd)) {
      throw fail(line, fieldColumns[position[TIME]], "this interval overlaps the one before it for the same "
          + "region and category (intervals may repeat exactly, one row per SRV, but not overlap)");
    }
    lastEndByKey[key] = endNanos;
    lastStartByKey[key] = startNanos;
  }

  private long time(int column) {
    String t = fields[position[column]];
    Instant at;
    try {
      at = Timebase.parseInstant(t, zone);
    } catch (DateTimeException e) {
      throw fail(line, fieldColumns[position[column]], "not an ISO-8601 time (e.g. 2019-04-02T10:48:00Z, or "
          + "2019-04-02T10:48 in the scenario's zone): " + t);
    }
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond() - origin.getEpochSecond(), 1_000_000_000L),
          (long) at.getNano() - origin.getNano());
    } catch (ArithmeticException e) {
      throw fail(line, fieldColumns[position[column]], "time too far from the scenario's start: " + t);
    }
  }

  private long count(String t) {
    long v;
    try {
      v = Long.parseLong(t);
    } catch (NumberFormatException e) {
      v = -1;
    }
    if (v < 0 || v > MAX_COUNT) {
      throw fail(line, fieldColumns[position[COUNT]], "count must be a whole number from 0 to " + MAX_COUNT + ": " + t);
    }
    return v;
  }

  private int srv(String t) {
    int i = CATALOGUE.indexOf(t);
    if (i < 0) {
      throw fail(line, fieldColumns[position[SRV]], "unknown SRV (not in the DUIS catalogue): " + t);
    }
    return i;
  }

  private int region(String t) {
    for (Region r : Region.values()) {
      if (r.key().equals(t)) {
        return r.ordinal();
      }
    }
    throw fail(line, fieldColumns[position[REGION]], "unknown region (north, central, south): " + t);
  }

  private int category(String t) {
    for (Category c : Category.values()) {
      if (c.key().equals(t)) {
        return c.ordinal();
      }
    }
    throw fail(line, fieldColumns[position[CATEGORY]], "unknown category (install, onDemand, firmware, alerts): " + t);
  }

  private String readContentLine() {
    try {
      while (true) {
        String l = in.readLine();
        if (l == null) {
          return null;
        }
        lineNumber++;
        if (lineNumber == 1 && l.startsWith("\uFEFF")) {
          l = l.substring(1);
        }
        String t = l.strip();
        if (!t.isEmpty() && !t.startsWith("#")) {
          return l;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
  }

  private record Split(List<String> fields, List<Integer> columns) {
  }

  /** Splits a row into {@link #fields} (as {@link #split}, without allocating lists); returns the count of values. */
  private int splitRow(String text) {
    int n = 0;
    int from = 0;
    while (true) {
      int comma = text.indexOf(',', from);
      int to = comma < 0 ? text.length() : comma;
      if (n < width) {
        fields[n] = unquote(text.substring(from, to));
        fieldColumns[n] = from + 1;
      }
      n++;
      if (comma < 0) {
        return n;
      }
      from = comma + 1;
    }
  }

  private static String unquote(String raw) {
    String v = raw.strip();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1).strip();
    }
    return v;
  }

  /** Splits at commas; trims each value and removes the double quotes around it. */
  private static Split split(String text) {
    List<String> out = new ArrayList<>(8);
    List<Integer> cols = new ArrayList<>(8);
    int from = 0;
    while (true) {
      int comma = text.indexOf(',', from);
      int to = comma < 0 ? text.length() : comma;
      out.add(unquote(text.substring(from, to)));
      cols.add(from + 1);
      if (comma < 0) {
        return new Split(out, cols);
      }
      from = comma + 1;
    }
  }

  private TraceException fail(int atLine, int column, String reason) {
    return new TraceException(name, atLine, column, reason);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; a failed close of a read-only file loses nothing
    }
  }
}
