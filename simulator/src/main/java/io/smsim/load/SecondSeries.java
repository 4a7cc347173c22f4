package io.smsim.load;

import java.util.Arrays;

/**
 * One worker's per-second counters: completions by outcome code in the second they happened, and
 * per region the requests issued in each second with how they ended (ok or failed), counted in the
 * second they were <i>intended</i> to be sent, so that a failover's damage lands on the requests it
 * hit, with the intended time of each second's last failed request. Grows with the run's duration, not its volume. Single-threaded; merged at the end.
 */
public final class SecondSeries {

  public static final int SENT = 0;
  public static final int OK = 1;
  public static final int FAILED = 2;
  private static final int REGION_STRIDE = Traffic.REGIONS * 3;

  private long[] byCode = new long[Codes.MAX * 64];
  private long[] byRegion = new long[REGION_STRIDE * 64];
  private long[] lastFailed = new long[Traffic.REGIONS * 64];
  private int seconds;

  void completed(int second, int code) {
    byCode = ensure(byCode, second, Codes.MAX);
    byCode[second * Codes.MAX + code]++;
    seconds = Math.max(seconds, second + 1);
  }

  void region(int second, int region, int what) {
    byRegion = ensure(byRegion, second, REGION_STRIDE);
    byRegion[second * REGION_STRIDE + region * 3 + what]++;
    seconds = Math.max(seconds, second + 1);
  }

  /** A request of {@code region} intended {@code offsetNanos} after the start (in {@code second}) failed. */
  void failedAt(int second, int region, long offsetNanos) {
    lastFailed = ensure(lastFailed, second, Traffic.REGIONS);
    int i = second * Traffic.REGIONS + region;
    lastFailed[i] = Math.max(lastFailed[i], offsetNanos + 1);
  }

  /** The intended time (nanoseconds after the start) of the last failed request of {@code region} in {@code second}, or -1. */
  public long lastFailedOffset(int second, int region) {
    int i = second * Traffic.REGIONS + region;
    return i < lastFailed.length ? lastFailed[i] - 1 : -1;
  }

  private static long[] ensure(long[] a, int second, int stride) {
    int need = (second + 1) * stride;
    return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
  }

  public int seconds() {
    return seconds;
  }

  public long completedCount(int second, int code) {
    int i = second * Codes.MAX + code;
    return i < byCode.length ? byCode[i] : 0;
  }

  public long regionCount(int second, int region, int what) {
    int i = second * REGION_STRIDE + region * 3 + what;
    return i < byRegion.length ? byRegion[i] : 0;
  }

  /** Adds {@code other} into this one. */
  void add(SecondSeries other) {
    seconds = Math.max(seconds, other.seconds);
    byCode = ensure(byCode, seconds, Codes.MAX);
    byRegion = ensure(byRegion, seconds, REGION_STRIDE);
    lastFailed = ensure(lastFailed, seconds, Traffic.REGIONS);
    for (int i = 0; i < other.lastFailed.length; i++) {
      lastFailed[i] = Math.max(lastFailed[i], other.lastFailed[i]);
    }
    for (int i = 0; i < other.byCode.length; i++) {
      byCode[i] += other.byCode[i];
    }
    for (int i = 0; i < other.byRegion.length; i++) {
      byRegion[i] += other.byRegion[i];
    }
  }

  SecondSeries copy() {
    SecondSeries s = new SecondSeries();
    s.byCode = byCode.clone();
    s.byRegion = byRegion.clone();
    s.lastFailed = lastFailed.clone();
    s.seconds = seconds;
    return s;
  }
}
