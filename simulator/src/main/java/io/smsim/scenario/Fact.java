package io.smsim.scenario;

import java.util.Objects;

/**
 * One fact of an incident as the scenario's {@code observed:} block states it: a metric (the same
 * paths as {@code expect:}), the value observed, and how far it may be off. What
 * {@code smsim calibrate} fits the model to.
 *
 * @param value the observed value in the metric's unit (minutes after midnight for a time of day,
 *     epoch seconds for an instant)
 * @param uncertainty one standard deviation of the observation in the same unit, 0 when exact
 * @param text the value as written, for messages and tables
 * @param uncertaintyText the uncertainty as written, empty when none was given
 */
public record Fact(MetricPath metric, double value, double uncertainty, String text, String uncertaintyText,
    Location location) {

  public Fact {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(uncertaintyText, "uncertaintyText");
    Objects.requireNonNull(location, "location");
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("a fact's value must be finite: " + text);
    }
    if (!(uncertainty >= 0 && Double.isFinite(uncertainty))) {
      throw new IllegalArgumentException("a fact's uncertainty must be finite and >= 0: " + uncertainty);
    }
  }
}
