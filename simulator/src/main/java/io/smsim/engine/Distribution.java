package io.smsim.engine;

import java.util.Arrays;

/**
 * A non-negative random quantity (durations in nanoseconds, in smsim's use), sampled by inversion
 * so that one sample consumes exactly one uniform from its stream.
 *
 * <p>Families: {@link Constant}; {@link Exponential} (quantile −m·ln(1−u)); {@link LogNormal}
 * (median·exp(σ·Φ⁻¹(u)), mean = median·exp(σ²/2)); {@link Uniform}; {@link Weibull}
 * (λ·(−ln(1−u))^{1/k}); {@link Empirical} (piecewise-linear quantile function through given
 * (probability, value) points); {@link Mixture} (component i with probability w_i).
 */
public sealed interface Distribution {

  /** One sample. */
  double sample(RandomStream random);

  /** The quantile function Q(u), u ∈ (0, 1): the value below which a share u of samples fall. */
  double quantile(double u);

  /** The distribution mean. */
  double mean();

  static Distribution constant(double value) {
    return new Constant(value);
  }

  static Distribution exponential(double mean) {
    return new Exponential(mean);
  }

  static Distribution logNormalByMedian(double median, double sigma) {
    return new LogNormal(Math.log(median), sigma);
  }

  /** Always returns {@code value}; consumes no randomness. */
  record Constant(double value) implements Distribution {
    public Constant {
      if (!(value >= 0 && Double.isFinite(value))) {
        throw new IllegalArgumentException("constant value must be finite and >= 0: " + value);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return value;
    }

    @Override
    public double quantile(double u) {
      return value;
    }

    @Override
    public double mean() {
      return value;
    }
  }

  /** Exponential with the given mean. */
  record Exponential(double mean) implements Distribution {
    public Exponential {
      if (!(mean > 0 && Double.isFinite(mean))) {
        throw new IllegalArgumentException("exponential mean must be finite and > 0: " + mean);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return -mean * Math.log(random.nextOpenDouble());
    }

    @Override
    public double quantile(double u) {
      return -mean * Math.log1p(-u);
    }
  }

  /** Log-normal: ln X ~ N(mu, sigma²). */
  record LogNormal(double mu, double sigma) implements Distribution {
    public LogNormal {
      if (!Double.isFinite(mu)) {
        throw new IllegalArgumentException("lognormal mu must be finite: " + mu);
      }
      if (!(sigma >= 0 && sigma < 10)) {
        throw new IllegalArgumentException("lognormal sigma must be in [0,10): " + sigma);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return Math.exp(mu + sigma * random.nextGaussian());
    }

    @Override
    public double quantile(double u) {
      return Math.exp(mu + sigma * NormalQuantile.of(u));
    }

    @Override
    public double mean() {
      return Math.exp(mu + sigma * sigma / 2);
    }

    public double median() {
      return Math.exp(mu);
    }
  }

  /** Uniform on [min, max]. */
  record Uniform(double min, double max) implements Distribution {
    public Uniform {
      if (!(min >= 0 && max >= min && Double.isFinite(max))) {
        throw new IllegalArgumentException("uniform needs 0 <= min <= max: " + min + ", " + max);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return min + (max - min) * random.nextDouble();
    }

    @Override
    public double quantile(double u) {
      return min + (max - min) * u;
    }

    @Override
    public double mean() {
      return (min + max) / 2;
    }
  }

  /** Weibull with scale λ and shape k. */
  record Weibull(double scale, double shape) implements Distribution {
    public Weibull {
      if (!(scale > 0 && Double.isFinite(scale))) {
        throw new IllegalArgumentException("weibull scale must be finite and > 0: " + scale);
      }
      if (!(shape > 0 && Double.isFinite(shape))) {
        throw new IllegalArgumentException("weibull shape must be finite and > 0: " + shape);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return scale * Math.pow(-Math.log(random.nextOpenDouble()), 1 / shape);
    }

    @Override
    public double quantile(double u) {
      return scale * Math.pow(-Math.log1p(-u), 1 / shape);
    }

    @Override
    public double mean() {
      return scale * Math.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
    }
  }

  /**
   * Piecewise-linear quantile function through (probabilities[i], values[i]); probabilities rise
   * strictly from 0 to 1 and values never fall.
   */
  record Empirical(double[] probabilities, double[] values) implements Distribution {
    public Empirical {
      probabilities = probabilities.clone();
      values = values.clone();
      if (probabilities.length < 2 || probabilities.length != values.length) {
        throw new IllegalArgumentException("empirical needs >= 2 (probability, value) points");
      }
      if (probabilities[0] != 0 || probabilities[probabilities.length - 1] != 1) {
        throw new IllegalArgumentException("empirical probabilities must start at 0 and end at 1");
      }
      for (int i = 1; i < probabilities.length; i++) {
        if (!(probabilities[i] > probabilities[i - 1])) {
          throw new IllegalArgumentException("empirical probabilities must rise strictly: "
              + Arrays.toString(probabilities));
        }
        if (!(values[i] >= values[i - 1])) {
          throw new IllegalArgumentException("empirical values must not fall: " + Arrays.toString(values));
        }
      }
      if (!(values[0] >= 0)) {
        throw new IllegalArgumentException("empirical values must be >= 0: " + values[0]);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return quantile(random.nextDouble());
    }

    @Override
    public double quantile(double u) {
      int i = Arrays.binarySearch(probabilities, u);
      if (i >= 0) {
        return values[i];
      }
      int hi = -i - 1;
      int lo = hi - 1;
      double f = (u - probabilities[lo]) / (probabilities[hi] - probabilities[lo]);
      return values[lo] + f * (values[hi] - values[lo]);
    }

    @Override
    public double mean() {
      double m = 0;
      for (int i = 1; i < probabilities.length; i++) {
        m += (probabilities[i] - probabilities[i - 1]) * (values[i] + values[i - 1]) / 2;
      }
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Empirical e && Arrays.equals(probabilities, e.probabilities)
          && Arrays.equals(values, e.values);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(probabilities) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Empirical" + Arrays.toString(probabilities) + "->" + Arrays.toString(values);
    }
  }

  /**
   * A finite mixture: with probability {@code weights[i]} a sample comes from {@code components[i]}
   * (e.g. a hyperexponential: most leaked children exit within minutes, some linger for days).
   * Sampled by inversion with one uniform u: the component whose share of [0, 1) holds u, at the
   * quantile of u rescaled within that share. Mean Σ wᵢ·meanᵢ.
   */
  record Mixture(double[] weights, java.util.List<Distribution> components) implements Distribution {
    public Mixture {
      weights = weights.clone();
      components = java.util.List.copyOf(components);
      if (weights.length < 2 || weights.length != components.size()) {
        throw new IllegalArgumentException("a mixture needs two or more components, each with a weight");
      }
      double sum = 0;
      for (double w : weights) {
        if (!(w > 0 && w <= 1)) {
          throw new IllegalArgumentException("mixture weights must be in (0, 1]: " + w);
        }
        sum += w;
      }
      if (Math.abs(sum - 1) > 1e-9) {
        throw new IllegalArgumentException("mixture weights must sum to 1: " + sum);
      }
    }

    @Override
    public double sample(RandomStream random) {
      return quantile(random.nextOpenDouble());
    }

    @Override
    public double quantile(double u) {
      double low = 0;
      int last = weights.length - 1;
      for (int i = 0; i < last; i++) {
        if (u < low + weights[i]) {
          return components.get(i).quantile(within((u - low) / weights[i]));
        }
        low += weights[i];
      }
      return components.get(last).quantile(within((u - low) / weights[last]));
    }

    private static double within(double u) {
      return Math.min(Math.max(u, 0x1.0p-53), 1 - 0x1.0p-53);
    }

    @Override
    public double mean() {
      double m = 0;
      for (int i = 0; i < weights.length; i++) {
        m += weights[i] * components.get(i).mean();
      }
      return m;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Mixture x && Arrays.equals(weights, x.weights) && components.equals(x.components);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(weights) + components.hashCode();
    }

    @Override
    public String toString() {
      return "Mixture" + Arrays.toString(weights) + components;
    }
  }
}
