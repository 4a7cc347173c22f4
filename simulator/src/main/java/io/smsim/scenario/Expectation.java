package io.smsim.scenario;

import java.util.Objects;

/**
 * One assertion of a scenario's {@code expect:} block on a summary metric: what {@code smsim check}
 * evaluates. {@code between: [lo, hi]}, {@code atLeast}, {@code atMost} and {@code equals} become a
 * lower and/or an upper {@link Bound}; {@code of} says what must lie within them.
 *
 * @param lower {@code null} when there is no lower bound
 * @param upper {@code null} when there is no upper bound
 * @param equalsText for {@link MetricPath.Kind#TEXT} metrics, the word expected; else {@code null}
 * @param form the check as written, for messages: {@code between [30, 50]}
 * @param location where the check was written
 */
public record Expectation(MetricPath metric, Of of, Bound lower, Bound upper, String equalsText, String form,
    Location location) {

  /** What the bounds apply to. */
  public enum Of {
    /** Every replication's value (the default). */
    EACH("each replication"),
    /** The mean over the replications. */
    MEAN("the mean"),
    /** The whole 95% confidence interval of the mean: evidence, not just an estimate. */
    CI("the 95% CI");

    private final String label;

    Of(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One side of a check: a constant, or a multiple of the baseline variant's value (written
   * {@code 10% of baseline}), compared replication by replication under common random numbers.
   *
   * @param value the constant (epoch seconds for times), or the factor when {@code ofBaseline}
   * @param text as written
   */
  public record Bound(double value, boolean ofBaseline, String text) {
    public Bound {
      Objects.requireNonNull(text, "text");
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("bound must be finite: " + text);
      }
    }
  }

  public Expectation {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(of, "of");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(location, "location");
    if (lower == null && upper == null && equalsText == null) {
      throw new IllegalArgumentException("an expectation needs a bound");
    }
  }

  /** Whether a bound refers to the baseline variant. */
  public boolean relative() {
    return (lower != null && lower.ofBaseline()) || (upper != null && upper.ofBaseline());
  }
}
