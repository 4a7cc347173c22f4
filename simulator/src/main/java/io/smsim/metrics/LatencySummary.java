package io.smsim.metrics;

import java.io.Serializable;
import org.HdrHistogram.Histogram;

/** Latency of successful attempts in milliseconds (from an HdrHistogram of microseconds). */
public record LatencySummary(long count, double mean, double p50, double p90, double p99, double max)
    implements Serializable {

  public static final LatencySummary EMPTY = new LatencySummary(0, 0, 0, 0, 0, 0);

  static LatencySummary of(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return EMPTY;
    }
    return new LatencySummary(micros.getTotalCount(), micros.getMean() / 1000.0,
        micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(90) / 1000.0,
        micros.getValueAtPercentile(99) / 1000.0, micros.getMaxValue() / 1000.0);
  }
}
