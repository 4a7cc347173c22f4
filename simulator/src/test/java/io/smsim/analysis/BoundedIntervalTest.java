package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.smsim.scenario.MetricPath.Range;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Intervals of metrics that cannot be negative never go below 0 (nor above 1 for shares): they are
 * the Student-t interval of ln(mean) or logit(mean), mapped back (the delta method), which is the
 * symmetric interval to first order far from the bound and still covers the mean about 95% of
 * the time near it.
 */
class BoundedIntervalTest {

  @Test
  void aRareCountGetsAnIntervalAboveZeroWhereTheSymmetricOneCrossesIt() {
    double[] births = new double[30];
    births[3] = 2;
    births[17] = 1;
    births[22] = 3;
    Summary t = Summary.of(births);
    Summary log = Summary.of(births, Range.NON_NEGATIVE);
    assertThat(t.ciLow()).isNegative();
    assertThat(log.mean()).isEqualTo(t.mean());
    assertThat(log.sd()).isEqualTo(t.sd());
    assertThat(log.ciLow()).isPositive().isLessThan(log.mean());
    assertThat(log.ciHigh()).isGreaterThan(t.ciHigh());
    // the delta method: ln(mean) ± t·sd/(mean·√n)
    double h = Summary.tQuantile(29) * t.sd() / (t.mean() * Math.sqrt(30));
    assertThat(log.ciLow()).isCloseTo(t.mean() * Math.exp(-h), within(1e-12));
    assertThat(log.ciHigh()).isCloseTo(t.mean() * Math.exp(h), within(1e-12));
  }

  @Test
  void farFromZeroItIsTheSymmetricIntervalToFirstOrder() {
    double[] x = {6374, 6310, 6402, 6291, 6455, 6388, 6350, 6420, 6333, 6399};
    Summary t = Summary.of(x);
    Summary log = Summary.of(x, Range.NON_NEGATIVE);
    assertThat(log.ciLow()).isCloseTo(t.ciLow(), within(0.5));
    assertThat(log.ciHigh()).isCloseTo(t.ciHigh(), within(0.5));
  }

  @Test
  void allZerosGiveZeroAndSharesStayInsideZeroToOne() {
    assertThat(Summary.of(new double[] {0, 0, 0}, Range.NON_NEGATIVE))
        .isEqualTo(new Summary(3, 0, 0, 0, 0));
    Summary share = Summary.of(new double[] {0.97, 1, 1, 0.99, 1}, Range.PROPORTION);
    assertThat(Summary.of(new double[] {0.97, 1, 1, 0.99, 1}).ciHigh()).isGreaterThan(1);
    assertThat(share.ciHigh()).isLessThan(1).isGreaterThan(share.mean());
    assertThat(share.ciLow()).isGreaterThan(0).isLessThan(share.mean());
    assertThat(Summary.of(new double[] {1, 1, 1}, Range.PROPORTION)).isEqualTo(new Summary(3, 1, 0, 1, 1));
  }

  @Test
  void aValueOutsideTheRangeIsABug() {
    assertThatThrownBy(() -> Summary.of(new double[] {1, -2}, Range.NON_NEGATIVE))
        .hasMessageContaining("non-negative metric has the value -2");
    assertThatThrownBy(() -> Summary.of(new double[] {0.5, 1.5}, Range.PROPORTION))
        .hasMessageContaining("proportion metric has the value 1.5");
  }

  @Test
  void nearZeroTheLogIntervalStillCoversTheMeanAbout95PercentOfTheTime() {
    // 2,000 studies of 30 replications of a Poisson(0.5) count (many zeros); coverage is
    // Binomial(2000, ~0.95): allow 0.93..0.97. No interval reaches below 0.
    PoissonDistribution counts = new PoissonDistribution(new Well19937c(7), 0.5, 1e-12, 10_000_000);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      double[] x = new double[30];
      for (int r = 0; r < x.length; r++) {
        x[r] = counts.sample();
      }
      Summary s = Summary.of(x, Range.NON_NEGATIVE);
      assertThat(s.ciLow()).isGreaterThanOrEqualTo(0);
      if (s.ciLow() <= 0.5 && 0.5 <= s.ciHigh()) {
        covered++;
      }
    }
    assertThat(covered / (double) trials).isBetween(0.93, 0.97);
  }

  @Test
  void theLogitIntervalCoversAShareAbout95PercentOfTheTime() {
    BinomialDistribution successes = new BinomialDistribution(new Well19937c(11), 200, 0.9);
    int covered = 0;
    int trials = 2000;
    for (int t = 0; t < trials; t++) {
      double[] x = new double[20];
      for (int r = 0; r < x.length; r++) {
        x[r] = successes.sample() / 200.0;
      }
      Summary s = Summary.of(x, Range.PROPORTION);
      if (s.ciLow() <= 0.9 && 0.9 <= s.ciHigh()) {
        covered++;
      }
    }
    assertThat(covered / (double) trials).isBetween(0.93, 0.97);
  }
}
