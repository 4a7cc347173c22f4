package io.smsim.load;

/**
 * Latency of one second of a run (the interval histograms the sampler took at its end), in
 * milliseconds: acknowledgement and end-to-end count, p50, p90, p99 and max, and per region the
 * end-to-end count and p99 (NaN where a second had no samples).
 */
public record LatencyRow(int second, long ackCount, double ackP50, double ackP90, double ackP99, double ackMax,
    long e2eCount, double e2eP50, double e2eP90, double e2eP99, double e2eMax, long[] e2eCountByRegion,
    double[] e2eP99ByRegion) {
}
