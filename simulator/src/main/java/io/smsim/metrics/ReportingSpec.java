package io.smsim.metrics;

/**
 * How results are reported.
 *
 * @param intervalNanos the time-series interval (15 minutes by default, as DCC reports)
 * @param slo success ratio per one-minute bucket below which a region is in an incident
 * @param minAttempts buckets with fewer attempts are not judged (nights are quiet)
 * @param mergeGapNanos incidents separated by less than this are one incident
 */
public record ReportingSpec(long intervalNanos, double slo, int minAttempts, long mergeGapNanos) {

  public static final long MINUTE_NANOS = 60_000_000_000L;

  public ReportingSpec {
    if (intervalNanos < MINUTE_NANOS || intervalNanos % MINUTE_NANOS != 0) {
      throw new IllegalArgumentException("interval must be a whole number of minutes: " + intervalNanos);
    }
    if (!(slo > 0 && slo <= 1)) {
      throw new IllegalArgumentException("slo must be in (0,1]: " + slo);
    }
    if (minAttempts < 0 || mergeGapNanos < 0) {
      throw new IllegalArgumentException("minAttempts and mergeGap must be >= 0");
    }
  }
}
