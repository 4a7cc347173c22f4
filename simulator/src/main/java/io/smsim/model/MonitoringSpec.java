package io.smsim.model;

/**
 * The region's alert rule, evaluated once a minute, that yields the incident's detection time.
 *
 * <p>Prometheus-style: the rule's condition must hold continuously for {@code forNanos} before it
 * fires, and a person needs {@code reportDelayNanos} more to open the incident ticket.
 *
 * @param kind what the condition measures
 * @param windowNanos trailing window the condition looks at (whole minutes)
 * @param threshold failure ratio in (0,1] for {@link Kind#FAILURE_RATIO}, count for {@link Kind#FAILED_JOURNEYS}
 * @param minAttempts attempts needed in the window before a ratio is judged
 * @param forNanos how long the condition must hold
 * @param reportDelayNanos from alert to ticket
 */
public record MonitoringSpec(Kind kind, long windowNanos, double threshold, int minAttempts,
    long forNanos, long reportDelayNanos) {

  /** What the alert rule measures. */
  public enum Kind {
    /** Failed attempts / attempts over the window. */
    FAILURE_RATIO,
    /** Install &amp; commission journeys failed in the window. */
    FAILED_JOURNEYS
  }

  public MonitoringSpec {
    java.util.Objects.requireNonNull(kind, "kind");
    if (windowNanos < 60_000_000_000L || windowNanos % 60_000_000_000L != 0) {
      throw new IllegalArgumentException("window must be a whole number of minutes: " + windowNanos);
    }
    if (kind == Kind.FAILURE_RATIO && !(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("failure-ratio threshold must be in (0,1]: " + threshold);
    }
    if (kind == Kind.FAILED_JOURNEYS && !(threshold >= 1)) {
      throw new IllegalArgumentException("failed-journeys threshold must be >= 1: " + threshold);
    }
    if (minAttempts < 0 || forNanos < 0 || reportDelayNanos < 0) {
      throw new IllegalArgumentException("minAttempts, for and reportDelay must be >= 0");
    }
  }

  public int windowMinutes() {
    return (int) (windowNanos / 60_000_000_000L);
  }
}
