package io.smsim.model;

/**
 * A region's monitoring rule, evaluated at each minute boundary over a trailing window of
 * one-minute buckets; its rising edge plus the report delay is the incident's detection time.
 */
public final class AlertRule {

  private final MonitoringSpec spec;
  private final long[] attempts;
  private final long[] failed;
  private final long[] failedJourneys;
  private int filled;
  private int next;
  private long sumAttempts;
  private long sumFailed;
  private long sumFailedJourneys;
  private long holdingSinceNanos = -1;
  private boolean firing;

  public AlertRule(MonitoringSpec spec) {
    this.spec = spec;
    int n = spec.windowMinutes();
    attempts = new long[n];
    failed = new long[n];
    failedJourneys = new long[n];
  }

  public MonitoringSpec spec() {
    return spec;
  }

  public boolean firing() {
    return firing;
  }

  /**
   * Adds the minute that just ended and evaluates the rule.
   *
   * @param minuteEndNanos the minute boundary
   * @return the detection time (minute boundary + report delay) when the alert fires now, else -1
   */
  public long onMinute(long minuteEndNanos, long minuteAttempts, long minuteFailed, long minuteFailedJourneys) {
    if (filled == attempts.length) {
      sumAttempts -= attempts[next];
      sumFailed -= failed[next];
      sumFailedJourneys -= failedJourneys[next];
    } else {
      filled++;
    }
    attempts[next] = minuteAttempts;
    failed[next] = minuteFailed;
    failedJourneys[next] = minuteFailedJourneys;
    sumAttempts += minuteAttempts;
    sumFailed += minuteFailed;
    sumFailedJourneys += minuteFailedJourneys;
    next = (next + 1) % attempts.length;

    boolean holds = holds();
    if (!holds) {
      holdingSinceNanos = -1;
      firing = false;
      return -1;
    }
    if (holdingSinceNanos < 0) {
      holdingSinceNanos = minuteEndNanos;
    }
    if (!firing && minuteEndNanos - holdingSinceNanos >= spec.forNanos()) {
      firing = true;
      return minuteEndNanos + spec.reportDelayNanos();
    }
    return -1;
  }

  private boolean holds() {
    return switch (spec.kind()) {
      case FAILURE_RATIO -> sumAttempts >= Math.max(1, spec.minAttempts())
          && (double) sumFailed / sumAttempts >= spec.threshold();
      case FAILED_JOURNEYS -> sumFailedJourneys >= spec.threshold();
    };
  }
}
