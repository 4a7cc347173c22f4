package io.smsim.analysis;

import io.smsim.scenario.MetricPath.Range;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, standard deviation and 95% confidence interval of a metric over independent replications
 * (Law, "Simulation Modeling and Analysis", 5th ed., §9.4.1; the SSJ/KSL "replication" method).
 *
 * <p>For the {@code n} finite values x<sub>1..n</sub> (a NaN means "not applicable in that
 * replication", e.g. a detection delay without an incident, and is left out):
 * <pre>
 *   mean = (1/n) Σ x_r
 *   sd   = sqrt( Σ (x_r − mean)² / (n − 1) )              (sample standard deviation)
 *   CI   = mean ± t(0.975; n − 1) · sd / sqrt(n)           (Student t, two-sided 95%)
 * </pre>
 * with t from Apache Commons Math's {@link TDistribution}. One value has no CI ({@code ciLow} and
 * {@code ciHigh} are NaN); no values give NaN throughout. Sums run in replication order, so the same
 * values give the same bits whatever thread produced them.
 *
 * <p>{@link #paired} is the paired-t interval of common random numbers: d_r = x_r − b_r over the
 * replications where both are finite, then the formulas above on d (Law §10.2.1).
 *
 * <p><b>Metrics that cannot be negative</b> (counts, minutes, ratios) get an interval that cannot
 * leave their range ({@link Range}): the same Student-t interval, built on a scale where the
 * range is unbounded and mapped back — the delta method (Casella &amp; Berger, "Statistical
 * Inference", 2nd ed., §5.5.4) for g(mean), whose standard error is |g′(mean)|·sd/√n:
 * <pre>
 *   non-negative (g = ln):       CI = mean · exp(± t·sd / (mean·√n))
 *   proportion in [0, 1] (logit): CI = expit( logit(mean) ± t·sd / (mean·(1 − mean)·√n) )
 * </pre>
 * Far from the bound (t·sd/√n small against the mean) this is the symmetric interval to first
 * order; near it, the interval is skewed away from the bound instead of crossing it (a count with
 * mean 0.2 gets [0.05, 0.83], not [−0.08, 0.48]). A mean at the bound with zero spread (every
 * replication 0) is [0, 0]. Differences between variants can be negative and keep the symmetric
 * paired-t interval.
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {


  /** The confidence level of every interval smsim prints. */
  public static final double CONFIDENCE = 0.95;

  public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The summary of the finite values, in order, with the symmetric Student-t interval. */
  public static Summary of(double[] values) {
    return of(values, Range.REAL);
  }

  /**
   * The summary of the finite values, in order, with the interval suited to their range.
   *
   * @throws IllegalArgumentException when a value lies outside the range
   */
  public static Summary of(double[] values, Range range) {
    int n = 0;
    double sum = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        n++;
        sum += v;
      }
    }
    if (n == 0) {
      return EMPTY;
    }
    double mean = sum / n;
    if (n == 1) {
      return new Summary(1, mean, Double.NaN, Double.NaN, Double.NaN);
    }
    double squares = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        squares += (v - mean) * (v - mean);
      }
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half = tQuantile(n - 1) * sd / Math.sqrt(n);
    return switch (range) {
      case REAL -> new Summary(n, mean, sd, mean - half, mean + half);
      case NON_NEGATIVE -> {
        check(values, range, 0, Double.POSITIVE_INFINITY);
        if (sd == 0 || mean == 0) {
          yield new Summary(n, mean, sd, mean, mean);
        }
        double f = Math.exp(half / mean);
        yield new Summary(n, mean, sd, mean / f, mean * f);
      }
      case PROPORTION -> {
        check(values, range, 0, 1);
        if (sd == 0 || mean == 0 || mean == 1) {
          yield new Summary(n, mean, sd, mean, mean);
        }
        double logit = Math.log(mean / (1 - mean));
        double h = half / (mean * (1 - mean));
        yield new Summary(n, mean, sd, expit(logit - h), expit(logit + h));
      }
    };
  }

  private static void check(double[] values, Range range, double low, double high) {
    for (double v : values) {
      if (Double.isFinite(v) && !(v >= low && v <= high)) {
        throw new IllegalArgumentException("a " + range.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
            + " metric has the value " + v);
      }
    }
  }

  private static double expit(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** The paired difference {@code x − baseline}, replication by replication. */
  public static Summary paired(double[] x, double[] baseline) {
    if (x.length != baseline.length) {
      throw new IllegalArgumentException("paired samples differ in length: " + x.length + " vs " + baseline.length);
    }
    double[] d = new double[x.length];
    for (int r = 0; r < x.length; r++) {
      d[r] = Double.isFinite(x[r]) && Double.isFinite(baseline[r]) ? x[r] - baseline[r] : Double.NaN;
    }
    return of(d);
  }

  /** The two-sided {@link #CONFIDENCE} quantile of Student's t with {@code df} degrees of freedom. */
  public static double tQuantile(int df) {
    if (df < 1) {
      throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
    }
    // No random generator: only the quantile function is used, and it is deterministic.
    return new TDistribution(null, df, TDistribution.DEFAULT_INVERSE_ABSOLUTE_ACCURACY)
        .inverseCumulativeProbability(1 - (1 - CONFIDENCE) / 2);
  }

  /** Whether there is a confidence interval (at least two values). */
  public boolean hasCi() {
    return n >= 2;
  }

  /** Half the CI's width, NaN without one. */
  public double halfWidth() {
    return (ciHigh - ciLow) / 2;
  }
}
