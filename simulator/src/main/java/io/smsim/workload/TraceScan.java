package io.smsim.workload;

import io.smsim.model.Category;
import io.smsim.model.Region;
import io.smsim.model.SrvCatalogue;
import java.util.Arrays;

/**
 * What one pass over a trace found, per value of its {@code region} and {@code category} columns
 * ({@link TraceReader#ANY} where the file has no such column): rows, requests, time span and the
 * SRVs named. Times are nanoseconds since the epoch. The binder checks a scenario's use of the
 * trace against it before anything runs.
 */
public final class TraceScan {

  /** Counts of the rows with one region and category value. */
  public static final class Stats {
    private long rows;
    private long requests;
    private long firstNanos = Long.MAX_VALUE;
    private long lastNanos = Long.MIN_VALUE;
    private int firstLineWithoutSrv;
    private final int[] srvFirstLine = new int[SrvCatalogue.standard().size()];

    public long rows() {
      return rows;
    }

    public long requests() {
      return requests;
    }

    /** Start of the first row, epoch nanoseconds ({@link Long#MAX_VALUE} without rows). */
    public long firstNanos() {
      return firstNanos;
    }

    /** End of the last row (its time, for a request row), epoch nanoseconds. */
    public long lastNanos() {
      return lastNanos;
    }

    /** The first line of a row that names no SRV, or 0. */
    public int firstLineWithoutSrv() {
      return firstLineWithoutSrv;
    }

    /** The first line naming the SRV with this catalogue index, or 0 when none does. */
    public int firstLineOf(int srvIndex) {
      return srvFirstLine[srvIndex];
    }

    void add(Stats o) {
      rows += o.rows;
      requests += o.requests;
      firstNanos = Math.min(firstNanos, o.firstNanos);
      lastNanos = Math.max(lastNanos, o.lastNanos);
      firstLineWithoutSrv = earliest(firstLineWithoutSrv, o.firstLineWithoutSrv);
      for (int i = 0; i < srvFirstLine.length; i++) {
        srvFirstLine[i] = earliest(srvFirstLine[i], o.srvFirstLine[i]);
      }
    }

    private static int earliest(int a, int b) {
      return a == 0 ? b : b == 0 ? a : Math.min(a, b);
    }
  }

  private static final int CATS = Category.values().length + 1;

  private final TraceReader.Format format;
  private final String file;
  private final Stats[] byKey = new Stats[(Region.values().length + 1) * CATS];

  private TraceScan(TraceReader.Format format, String file) {
    this.format = format;
    this.file = file;
    for (int i = 0; i < byKey.length; i++) {
      byKey[i] = new Stats();
    }
  }

  static TraceScan of(TraceReader reader) {
    try (reader) {
      TraceScan scan = new TraceScan(reader.format(), reader.name());
      while (reader.next()) {
        Stats s = scan.byKey[(reader.region + 1) * CATS + reader.category + 1];
        s.rows++;
        s.requests += reader.count;
        s.firstNanos = Math.min(s.firstNanos, reader.startNanos);
        s.lastNanos = Math.max(s.lastNanos, reader.endNanos);
        if (reader.srv < 0) {
          if (s.firstLineWithoutSrv == 0) {
            s.firstLineWithoutSrv = reader.line;
          }
        } else if (s.srvFirstLine[reader.srv] == 0) {
          s.srvFirstLine[reader.srv] = reader.line;
        }
      }
      return scan;
    }
  }

  public TraceReader.Format format() {
    return format;
  }

  public String file() {
    return file;
  }

  /** The rows a region's category takes: those whose region and category columns match or are absent. */
  public Stats statsFor(Region region, Category category) {
    Stats all = new Stats();
    for (int r = -1; r < Region.values().length; r++) {
      for (int c = -1; c < CATS - 1; c++) {
        if ((r == -1 || r == region.ordinal()) && (c == -1 || c == category.ordinal())) {
          all.add(byKey[(r + 1) * CATS + c + 1]);
        }
      }
    }
    return all;
  }

  @Override
  public String toString() {
    return "TraceScan[" + file + ", " + format + ", " + Arrays.stream(byKey).mapToLong(Stats::rows).sum() + " rows]";
  }
}
