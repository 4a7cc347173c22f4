package io.smsim.analysis;

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
 */
public record Summary(int n, double mean, double sd, double ciLow, double ciHigh) {

  /** The confidence level of every interval smsim prints. */
  public static final double CONFIDENCE = 0.95;

  public static final Summary EMPTY = new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  /** The summary of the finite values, in order. */
  public static Summary of(double[] values) {
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
    return new Summary(n, mean, sd, mean - half, mean + half);
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
