package io.smsim.analysis;

import io.smsim.model.Times;
import io.smsim.scenario.Expectation;
import io.smsim.scenario.Expectation.Bound;
import io.smsim.scenario.MetricPath;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Decides one {@link Expectation} from the replications of a metric (and, for bounds written
 * {@code F of baseline}, the same replications of the baseline, under common random numbers).
 *
 * <ul>
 *   <li>{@code of: each}: every replication r satisfies lo_r ≤ x_r ≤ hi_r, where a bound is a
 *       constant or F·b_r (b the baseline's value in replication r); a value that does not apply
 *       (NaN: no such incident, no detection) breaches.</li>
 *   <li>{@code of: mean}: the mean of x satisfies the bounds; a relative bound is F·mean(b), both
 *       over the replications where both apply.</li>
 *   <li>{@code of: ci}: the whole 95% Student-t CI of the mean lies within the bounds,
 *       ci_low(x) ≥ lo and ci_high(x) ≤ hi; for a relative bound the paired CI of x_r − F·b_r must
 *       lie at or above 0 (lower bound) or at or below 0 (upper bound). A CI needs two
 *       replications; with one the check is skipped, not passed.</li>
 * </ul>
 */
final class ExpectationEvaluator {

  private final ZoneId zone;

  ExpectationEvaluator(ZoneId zone) {
    this.zone = zone;
  }

  /**
   * @param x the metric per replication (NaN where it does not apply)
   * @param texts the word per replication, for word metrics
   * @param baseline the baseline's values per replication, or null without relative bounds
   */
  Verdict evaluate(String subject, Expectation e, double[] x, String[] texts, double[] baseline) {
    if (e.metric().kind() == MetricPath.Kind.TEXT) {
      return text(subject, e, texts);
    }
    return switch (e.of()) {
      case EACH -> each(subject, e, x, baseline);
      case MEAN -> mean(subject, e, x, baseline);
      case CI -> ci(subject, e, x, baseline);
    };
  }

  private Verdict text(String subject, Expectation e, String[] texts) {
    for (int r = 0; r < texts.length; r++) {
      if (!Objects.equals(texts[r], e.equalsText())) {
        return verdict(subject, e, false, (texts[r] == null ? "none (" + missing(e.metric()) + ")" : texts[r])
            + " in replication " + r);
      }
    }
    return verdict(subject, e, true, e.equalsText());
  }

  private Verdict each(String subject, Expectation e, double[] x, double[] b) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < x.length; r++) {
      if (!Double.isFinite(x[r])) {
        return verdict(subject, e, false, "none in replication " + r + " (" + missing(e.metric()) + ")");
      }
      if (e.relative() && !Double.isFinite(b[r])) {
        return verdict(subject, e, false, "the baseline has none in replication " + r + " (" + missing(e.metric()) + ")");
      }
      double lo = threshold(e.lower(), b, r);
      double hi = threshold(e.upper(), b, r);
      if (x[r] < lo || x[r] > hi) {
        String bound = e.relative() ? " (bound " + show(e, x[r] < lo ? lo : hi) + ")" : "";
        return verdict(subject, e, false, show(e, x[r]) + " in replication " + r + bound);
      }
      min = Math.min(min, x[r]);
      max = Math.max(max, x[r]);
    }
    if (x.length == 0) {
      return verdict(subject, e, true, "no replications");
    }
    return verdict(subject, e, true, min == max ? show(e, min) : show(e, min) + " .. " + show(e, max));
  }

  private Verdict mean(String subject, Expectation e, double[] x, double[] b) {
    Summary s = Summary.of(e.relative() ? pairedOnly(x, b) : x);
    if (s.n() == 0) {
      return verdict(subject, e, false, "none (" + missing(e.metric()) + " in every replication)");
    }
    double baseMean = e.relative() ? Summary.of(pairedOnly(b, x)).mean() : Double.NaN;
    double lo = e.lower() == null ? Double.NEGATIVE_INFINITY
        : e.lower().ofBaseline() ? e.lower().value() * baseMean : e.lower().value();
    double hi = e.upper() == null ? Double.POSITIVE_INFINITY
        : e.upper().ofBaseline() ? e.upper().value() * baseMean : e.upper().value();
    String actual = show(e, s.mean()) + " (n " + s.n() + (e.relative() ? "; baseline mean " + show(e, baseMean) : "")
        + ")";
    return verdict(subject, e, s.mean() >= lo && s.mean() <= hi, actual);
  }

  private Verdict ci(String subject, Expectation e, double[] x, double[] b) {
    if (x.length < 2) {
      return new Verdict(subject, e, Verdict.Status.SKIPPED,
          expected(e) + ": skipped, a CI needs at least 2 replications (--replications N)");
    }
    if (!e.relative()) {
      Summary s = Summary.of(x);
      if (!s.hasCi()) {
        return verdict(subject, e, false, "no CI: " + s.n() + " replication" + (s.n() == 1 ? "" : "s")
            + " with a value (" + missing(e.metric()) + " in the others)");
      }
      boolean ok = (e.lower() == null || s.ciLow() >= e.lower().value())
          && (e.upper() == null || s.ciHigh() <= e.upper().value());
      return verdict(subject, e, ok, show(e, s.mean()) + " [" + show(e, s.ciLow()) + ", " + show(e, s.ciHigh())
          + "] (n " + s.n() + ")");
    }
    StringBuilder actual = new StringBuilder();
    boolean ok = true;
    for (Bound bound : new Bound[] {e.lower(), e.upper()}) {
      if (bound == null) {
        continue;
      }
      double[] scaled = new double[b.length];
      for (int r = 0; r < b.length; r++) {
        scaled[r] = bound.ofBaseline() ? bound.value() * b[r] : bound.value();
      }
      Summary d = Summary.paired(x, scaled);
      if (!d.hasCi()) {
        return verdict(subject, e, false, "no CI: " + d.n() + " replication" + (d.n() == 1 ? "" : "s")
            + " where both this variant and the baseline have a value");
      }
      ok &= bound == e.lower() ? d.ciLow() >= 0 : d.ciHigh() <= 0;
      actual.append(actual.length() == 0 ? "" : "; ").append("paired difference from ").append(bound.text())
          .append(' ').append(Numbers.signedInterval(d, x.length));
    }
    return verdict(subject, e, ok, actual.toString());
  }

  /** {@code expected the mean at most 10% of baseline}. */
  static String expected(Expectation e) {
    return "expected " + e.of().label() + " " + e.form();
  }

  private static Verdict verdict(String subject, Expectation e, boolean ok, String actual) {
    return new Verdict(subject, e, ok ? Verdict.Status.PASS : Verdict.Status.BREACH,
        expected(e) + ", actual " + actual);
  }

  private static double threshold(Bound bound, double[] b, int r) {
    if (bound == null) {
      return Double.NaN; // no bound: comparisons with NaN are false, so nothing is violated
    }
    return bound.ofBaseline() ? bound.value() * b[r] : bound.value();
  }

  /** x where the paired value also applies, NaN elsewhere. */
  private static double[] pairedOnly(double[] x, double[] other) {
    double[] out = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      out[r] = Double.isFinite(other[r]) ? x[r] : Double.NaN;
    }
    return out;
  }

  /** A value for people: a local time for time metrics, else a number. */
  private String show(Expectation e, double v) {
    return Double.isFinite(v) && e.metric().kind() == MetricPath.Kind.TIME ? Times.human(instant(v), zone)
        : Numbers.human(v);
  }

  private static Instant instant(double epochSeconds) {
    long s = (long) Math.floor(epochSeconds);
    return Instant.ofEpochSecond(s, Math.round((epochSeconds - s) * 1e9));
  }

  private static String missing(MetricPath p) {
    if (p.item()) {
      return "no " + p.name() + "[" + p.index() + "]";
    }
    if (p.name().equals("detectionDelayMinutes")) {
      return "no detected incident";
    }
    return "not applicable";
  }
}
