package io.smsim.load;

import java.util.Arrays;

/**
 * One worker's time series: completions by outcome code in the second they happened, and per
 * region the requests intended to be sent in each tenth of a second with how they ended (ok or
 * failed) and the intended times of each tenth's first and last failed request, so that a
 * failover's damage lands on the requests it hit, to a tenth of a second. Grows with the run's
 * duration (about 2 kB a second), not its volume. Single-threaded; merged at the end.
 */
public final class SecondSeries {

  public static final int SENT = 0;
  public static final int OK = 1;
  public static final int FAILED = 2;
  /** Buckets per second of the region series. */
  public static final int TENTHS = 10;
  private static final long TENTH_NANOS = 100_000_000L;
  private static final int REGION_STRIDE = Traffic.REGIONS * 3;

  private long[] byCode = new long[Codes.MAX * 64];
  private long[] byRegion = new long[REGION_STRIDE * 64 * TENTHS];
  private long[] lastFailed = new long[Traffic.REGIONS * 64 * TENTHS];
  private long[] firstFailed = new long[Traffic.REGIONS * 64 * TENTHS];
  private int seconds;

  void completed(int second, int code) {
    byCode = ensure(byCode, second, Codes.MAX);
    byCode[second * Codes.MAX + code]++;
    seconds = Math.max(seconds, second + 1);
  }

  /** A request of {@code region} intended {@code offsetNanos} after the start was issued ({@link #SENT}) or ended. */
  void region(long offsetNanos, int region, int what) {
    int tenth = tenth(offsetNanos);
    byRegion = ensure(byRegion, tenth, REGION_STRIDE);
    byRegion[tenth * REGION_STRIDE + region * 3 + what]++;
    seconds = Math.max(seconds, tenth / TENTHS + 1);
  }

  /** A request of {@code region} intended {@code offsetNanos} after the start failed. */
  void failedAt(long offsetNanos, int region) {
    int tenth = tenth(offsetNanos);
    lastFailed = ensure(lastFailed, tenth, Traffic.REGIONS);
    firstFailed = ensure(firstFailed, tenth, Traffic.REGIONS);
    int i = tenth * Traffic.REGIONS + region;
    lastFailed[i] = Math.max(lastFailed[i], offsetNanos + 1);
    firstFailed[i] = firstFailed[i] == 0 ? offsetNanos + 1 : Math.min(firstFailed[i], offsetNanos + 1);
  }

  private static int tenth(long offsetNanos) {
    return (int) Math.max(0, offsetNanos / TENTH_NANOS);
  }

  private static long[] ensure(long[] a, int index, int stride) {
    int need = (index + 1) * stride;
    return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
  }

  public int seconds() {
    return seconds;
  }

  public long completedCount(int second, int code) {
    int i = second * Codes.MAX + code;
    return i < byCode.length ? byCode[i] : 0;
  }

  /** Region {@code region}'s requests intended in {@code second}: {@link #SENT}, or ended {@link #OK} or {@link #FAILED}. */
  public long regionCount(int second, int region, int what) {
    long n = 0;
    for (int t = second * TENTHS; t < (second + 1) * TENTHS; t++) {
      n += tenthCount(t, region, what);
    }
    return n;
  }

  /** As {@link #regionCount} for one tenth of a second. */
  public long tenthCount(int tenth, int region, int what) {
    int i = tenth * REGION_STRIDE + region * 3 + what;
    return i < byRegion.length ? byRegion[i] : 0;
  }

  /** The intended time (ns after the start) of the first failed request of {@code region} in tenth {@code tenth}, or -1. */
  public long firstFailedInTenth(int tenth, int region) {
    int i = tenth * Traffic.REGIONS + region;
    return i < firstFailed.length ? firstFailed[i] - 1 : -1;
  }

  /** The intended time (ns after the start) of the last failed request of {@code region} in tenth {@code tenth}, or -1. */
  public long lastFailedInTenth(int tenth, int region) {
    int i = tenth * Traffic.REGIONS + region;
    return i < lastFailed.length ? lastFailed[i] - 1 : -1;
  }

  /** The intended time (ns after the start) of the first failed request of {@code region} in {@code second}, or -1. */
  public long firstFailedOffset(int second, int region) {
    for (int t = second * TENTHS; t < (second + 1) * TENTHS; t++) {
      long f = firstFailedInTenth(t, region);
      if (f >= 0) {
        return f;
      }
    }
    return -1;
  }

  /** The intended time (ns after the start) of the last failed request of {@code region} in {@code second}, or -1. */
  public long lastFailedOffset(int second, int region) {
    long last = -1;
    for (int t = second * TENTHS; t < (second + 1) * TENTHS; t++) {
      int i = t * Traffic.REGIONS + region;
      last = Math.max(last, i < lastFailed.length ? lastFailed[i] - 1 : -1);
    }
    return last;
  }

  /** Adds {@code other} into this one. */
  void add(SecondSeries other) {
    seconds = Math.max(seconds, other.seconds);
    byCode = ensure(byCode, seconds, Codes.MAX);
    byRegion = ensure(byRegion, seconds * TENTHS, REGION_STRIDE);
    lastFailed = ensure(lastFailed, seconds * TENTHS, Traffic.REGIONS);
    firstFailed = ensure(firstFailed, seconds * TENTHS, Traffic.REGIONS);
    for (int i = 0; i < other.byCode.length; i++) {
      byCode[i] += other.byCode[i];
    }
    for (int i = 0; i < other.byRegion.length; i++) {
      byRegion[i] += other.byRegion[i];
    }
    for (int i = 0; i < other.lastFailed.length; i++) {
      lastFailed[i] = Math.max(lastFailed[i], other.lastFailed[i]);
      long f = other.firstFailed[i];
      firstFailed[i] = f == 0 ? firstFailed[i] : firstFailed[i] == 0 ? f : Math.min(firstFailed[i], f);
    }
  }

  SecondSeries copy() {
    SecondSeries s = new SecondSeries();
    s.byCode = byCode.clone();
    s.byRegion = byRegion.clone();
    s.lastFailed = lastFailed.clone();
    s.firstFailed = firstFailed.clone();
    s.seconds = seconds;
    return s;
  }
}
