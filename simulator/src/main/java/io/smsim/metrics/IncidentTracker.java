package io.smsim.metrics;

import io.smsim.model.Timebase;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams one region's minute buckets into incidents: a bucket with at least {@code minAttempts}
 * attempts and a success ratio below the SLO is bad; an incident runs from its first bad bucket
 * to the end of its last, absorbing good stretches shorter than the merge gap. Memory is constant
 * apart from the incidents found.
 */
final class IncidentTracker {

  private final double slo;
  private final int minAttempts;
  private final long mergeGapNanos;
  private final Timebase timebase;
  private final List<Incident> incidents = new ArrayList<>();

  private boolean open;
  private long startNanos;
  private long lastBadEndNanos;
  private final long[] committed = new long[6];
  private final long[] pending = new long[6];

  IncidentTracker(double slo, int minAttempts, long mergeGapNanos, Timebase timebase) {
    this.slo = slo;
    this.minAttempts = minAttempts;
    this.mergeGapNanos = mergeGapNanos;
    this.timebase = timebase;
  }

  /**
   * One minute [start, end) ended. {@code counts}: attempts, failed attempts, failed journeys,
   * failed requests, failed on-demand requests, failed firmware requests.
   */
  void onMinute(long startNanos, long endNanos, long[] counts) {
    long attempts = counts[0];
    boolean bad = attempts >= Math.max(1, minAttempts) && (double) (attempts - counts[1]) / attempts < slo;
    if (bad) {
      if (!open) {
        open = true;
        this.startNanos = startNanos;
        java.util.Arrays.fill(committed, 0);
        java.util.Arrays.fill(pending, 0);
      }
      add(pending, counts);
      add(committed, pending);
      java.util.Arrays.fill(pending, 0);
      lastBadEndNanos = endNanos;
    } else if (open) {
      add(pending, counts);
      if (endNanos - lastBadEndNanos >= mergeGapNanos) {
        close();
      }
    }
  }

  /** Closes the open incident (if any) at its last bad minute. */
  void close() {
    if (!open) {
      return;
    }
    open = false;
    incidents.add(build(lastBadEndNanos, false));
  }

  /** At the end of the run: an incident still open is reported as ongoing. */
  void finish(long endNanos) {
    if (!open) {
      return;
    }
    open = false;
    boolean ongoing = lastBadEndNanos >= endNanos - mergeGapNanos;
    incidents.add(build(lastBadEndNanos, ongoing));
  }

  private Incident build(long endNanos, boolean ongoing) {
    double minutes = (endNanos - startNanos) / 60e9;
    return new Incident(timebase.instantOf(startNanos), ongoing ? null : timebase.instantOf(endNanos),
        minutes, null, ongoing ? "ongoing" : "none", committed[2], committed[3], committed[4], committed[5],
        committed[1], committed[0]);
  }

  List<Incident> incidents() {
    return incidents;
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }
}
