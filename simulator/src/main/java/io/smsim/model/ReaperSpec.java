package io.smsim.model;

/**
 * The cron job that kills leaked children (the report's tactical fix): every {@code period},
 * aligned to local midnight plus {@code offset}, and at once when live processes reach
 * {@code threshold} (seed: hourly and at 10,000 = one third of 30,000).
 *
 * @param periodNanos 0 for no periodic run
 * @param offsetNanos first run at local midnight + offset, then every period
 * @param threshold 0 for no threshold trigger
 */
public record ReaperSpec(long periodNanos, long offsetNanos, int threshold) {

  public static final ReaperSpec NONE = new ReaperSpec(0, 0, 0);

  public ReaperSpec {
    if (periodNanos < 0) {
      throw new IllegalArgumentException("period must be >= 0: " + periodNanos);
    }
    if (offsetNanos < 0 || (periodNanos > 0 && offsetNanos >= periodNanos)) {
      throw new IllegalArgumentException("offset must be in [0, period): " + offsetNanos);
    }
    if (threshold < 0) {
      throw new IllegalArgumentException("threshold must be >= 0: " + threshold);
    }
  }

  public boolean periodic() {
    return periodNanos > 0;
  }

  public boolean hasThreshold() {
    return threshold > 0;
  }
}
