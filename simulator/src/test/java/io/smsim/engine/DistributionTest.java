package io.smsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.distribution.WeibullDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Each family against its textbook CDF: one-sample Kolmogorov–Smirnov at a fixed seed, α = 0.01. */
class DistributionTest {

  private static final int N = 20_000;

  private static double ksPValue(Distribution d, RealDistribution reference, long seed) {
    RandomStream r = new RandomStream(seed);
    double[] xs = new double[N];
    for (int i = 0; i < N; i++) {
      xs[i] = d.sample(r);
    }
    return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(reference, xs);
  }

  @Test
  void exponentialMatchesItsCdf() {
    assertThat(ksPValue(Distribution.exponential(3.0), new ExponentialDistribution(null, 3.0), 1)).isGreaterThan(0.01);
  }

  @Test
  void lognormalMatchesItsCdf() {
    Distribution d = Distribution.logNormalByMedian(5.0, 0.8);
    assertThat(ksPValue(d, new LogNormalDistribution(null, Math.log(5.0), 0.8), 2)).isGreaterThan(0.01);
    assertThat(d.mean()).isCloseTo(5.0 * Math.exp(0.32), org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void uniformMatchesItsCdf() {
    assertThat(ksPValue(new Distribution.Uniform(2, 7), new UniformRealDistribution(null, 2, 7), 3))
        .isGreaterThan(0.01);
  }

  @Test
  void weibullMatchesItsCdf() {
    assertThat(ksPValue(new Distribution.Weibull(4, 1.5), new WeibullDistribution(null, 1.5, 4), 4))
        .isGreaterThan(0.01);
  }

  @Test
  void empiricalInterpolatesItsQuantiles() {
    // quantiles of U(0,10) at 0, 0.5, 1 -> the distribution is U(0,10) again
    Distribution d = new Distribution.Empirical(new double[] {0, 0.5, 1}, new double[] {0, 5, 10});
    assertThat(ksPValue(d, new UniformRealDistribution(null, 0, 10), 5)).isGreaterThan(0.01);
    assertThat(d.mean()).isEqualTo(5.0);
  }

  @Test
  void standardNormalByInversionMatchesItsCdf() {
    RandomStream r = new RandomStream(6);
    double[] xs = new double[N];
    for (int i = 0; i < N; i++) {
      xs[i] = r.nextGaussian();
    }
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new NormalDistribution(null, 0, 1), xs))
        .isGreaterThan(0.01);
  }

  @Test
  void aWrongReferenceIsRejected() {
    // the test has power: exponential(3) is not exponential(3.3)
    assertThat(ksPValue(Distribution.exponential(3.0), new ExponentialDistribution(null, 3.3), 1)).isLessThan(0.01);
  }

  @Test
  void constantConsumesNoRandomness() {
    RandomStream a = new RandomStream(9);
    RandomStream b = new RandomStream(9);
    assertThat(Distribution.constant(4).sample(a)).isEqualTo(4);
    assertThat(a.nextLong()).isEqualTo(b.nextLong());
  }

  /** A hyperexponential: 87% exponential with mean 20, 13% with mean 4320, against Σ wᵢ·Fᵢ(x). */
  @Test
  void mixtureMatchesTheWeightedSumOfItsComponentsCdfs() {
    Distribution d = new Distribution.Mixture(new double[] {0.87, 0.13},
        java.util.List.of(Distribution.exponential(20), Distribution.exponential(4320)));
    ExponentialDistribution fast = new ExponentialDistribution(null, 20);
    ExponentialDistribution slow = new ExponentialDistribution(null, 4320);
    RealDistribution reference = new org.apache.commons.math3.distribution.AbstractRealDistribution(null) {
      @Override
      public double density(double x) {
        return 0.87 * fast.density(x) + 0.13 * slow.density(x);
      }

      @Override
      public double cumulativeProbability(double x) {
        return 0.87 * fast.cumulativeProbability(x) + 0.13 * slow.cumulativeProbability(x);
      }

      @Override
      public double getNumericalMean() {
        return 0.87 * 20 + 0.13 * 4320;
      }

      @Override
      public double getNumericalVariance() {
        return Double.NaN;
      }

      @Override
      public double getSupportLowerBound() {
        return 0;
      }

      @Override
      public double getSupportUpperBound() {
        return Double.POSITIVE_INFINITY;
      }

      @Override
      @SuppressWarnings("deprecation")
      public boolean isSupportLowerBoundInclusive() {
        return true;
      }

      @Override
      @SuppressWarnings("deprecation")
      public boolean isSupportUpperBoundInclusive() {
        return false;
      }

      @Override
      public boolean isSupportConnected() {
        return true;
      }
    };
    assertThat(ksPValue(d, reference, 6)).isGreaterThan(0.01);
    assertThat(d.mean()).isCloseTo(0.87 * 20 + 0.13 * 4320, org.assertj.core.data.Offset.offset(1e-9));
    // the test can tell: the same samples are not the fast component alone
    RandomStream r = new RandomStream(6);
    double[] xs = new double[N];
    for (int i = 0; i < N; i++) {
      xs[i] = d.sample(r);
    }
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 20), xs))
        .isLessThan(0.01);
  }

  @Test
  void invalidParametersAreRefusedWithTheValue() {
    assertThatThrownBy(() -> Distribution.exponential(-1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> Distribution.exponential(Double.NaN)).hasMessageContaining("NaN");
    assertThatThrownBy(() -> new Distribution.Empirical(new double[] {0, 0.7, 0.5, 1}, new double[] {1, 2, 3, 4}))
        .hasMessageContaining("rise");
    assertThatThrownBy(() -> new Distribution.Mixture(new double[] {0.5, 0.4},
        java.util.List.of(Distribution.exponential(1), Distribution.exponential(2)))).hasMessageContaining("0.9");
  }
}
