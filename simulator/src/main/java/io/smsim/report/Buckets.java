package io.smsim.report;

import java.util.Arrays;
import java.util.List;

/**
 * Splits a series of {@code n} equal steps (minutes, reporting intervals) into chart buckets: at
 * most about {@code maxPoints} of them, each {@code k} steps wide and aligned to multiples of
 * {@code k}, except inside the full-resolution ranges (incident windows), where every step is its
 * own bucket. Charts then grow with neither the run's request count nor, past {@code maxPoints},
 * its duration, yet an incident keeps its minute-by-minute shape.
 */
final class Buckets {

  private final int[] starts;
  private final int n;
  private final int width;

  private Buckets(int[] starts, int n, int width) {
    this.starts = starts;
    this.n = n;
    this.width = width;
  }

  /**
   * @param fullResolution {@code [from, to)} step ranges kept at full resolution (clamped to
   *     {@code [0, n)}); ignored when together they would take more than half the points
   */
  static Buckets of(int n, List<int[]> fullResolution, int maxPoints) {
    if (maxPoints < 4) {
      throw new IllegalArgumentException("maxPoints must be >= 4: " + maxPoints);
    }
    boolean[] full = mark(n, fullResolution);
    int fullSteps = count(full);
    if (fullSteps > maxPoints / 2) {
      Arrays.fill(full, false);
      fullSteps = 0;
    }
    // each run of coarse steps may end in one partial bucket: one per full range, plus one
    int budget = Math.max(1, maxPoints - fullSteps - fullResolution.size() - 1);
    int coarse = n - fullSteps;
    int k = Math.max(1, (coarse + budget - 1) / budget);
    int[] out = new int[Math.max(1, n)];
    int size = 0;
    int i = 0;
    while (i < n) {
      out[size++] = i;
      boolean fullStep = full[i];
      i++;
      if (!fullStep) {
        while (i < n && !full[i] && i % k != 0) {
          i++;
        }
      }
    }
    return new Buckets(Arrays.copyOf(out, size), n, k);
  }

  /** Steps of {@code [0, n)} inside at least one of the ranges. */
  static int covered(int n, List<int[]> ranges) {
    return count(mark(n, ranges));
  }

  private static boolean[] mark(int n, List<int[]> ranges) {
    boolean[] marked = new boolean[n];
    for (int[] r : ranges) {
      Arrays.fill(marked, Math.max(0, Math.min(n, r[0])), Math.max(0, Math.min(n, r[1])), true);
    }
    return marked;
  }

  private static int count(boolean[] marked) {
    int c = 0;
    for (boolean b : marked) {
      if (b) {
        c++;
      }
    }
    return c;
  }

  int size() {
    return starts.length;
  }

  /** First step of bucket {@code b}. */
  int start(int b) {
    return starts[b];
  }

  /** One past the last step of bucket {@code b}. */
  int end(int b) {
    return b + 1 < starts.length ? starts[b + 1] : n;
  }

  /** Width of the coarse buckets, in steps (1 when nothing was merged). */
  int coarseWidth() {
    return width;
  }
}
