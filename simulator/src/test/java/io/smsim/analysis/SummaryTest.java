package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

class SummaryTest {

  @Test
  void tQuantilesMatchPublishedTables() {
    // Two-sided 95% critical values of Student's t (e.g. NIST/SEMATECH e-Handbook, table 1.3.6.7.2).
    assertThat(Summary.tQuantile(1)).isCloseTo(12.706, within(1e-3));
    assertThat(Summary.tQuantile(9)).isCloseTo(2.262, within(1e-3));
    assertThat(Summary.tQuantile(29)).isCloseTo(2.045, within(1e-3));
    assertThat(Summary.tQuantile(100)).isCloseTo(1.984, within(1e-3));
  }

  @Test
  void intervalIsMeanPlusMinusTTimesStandardError() {
    Summary s = Summary.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    double sd = Math.sqrt(82.5 / 9); // Σ(x − 5.5)² = 82.5
    double half = 2.2621571627982 * sd / Math.sqrt(10);
    assertThat(s.n()).isEqualTo(10);
    assertThat(s.mean()).isEqualTo(5.5);
    assertThat(s.sd()).isCloseTo(sd, within(1e-12));
    assertThat(s.ciLow()).isCloseTo(5.5 - half, within(1e-9));
    assertThat(s.ciHigh()).isCloseTo(5.5 + half, within(1e-9));
  }

  @Test
  void intervalCoversTheTrueMeanOfANormalDistributionAbout95PercentOfTheTime() {
    // 4,000 samples of 8 draws from N(3, 2²) at a fixed seed: the number of intervals covering 3 is
    // Binomial(4000, 0.95), sd ≈ 13.8; allow four standard deviations.
    NormalDistribution normal = new NormalDistribution(new Well19937c(20190402L), 3, 2);
    int trials = 4000;
    int covered = 0;
    for (int t = 0; t < trials; t++) {
      Summary s = Summary.of(normal.sample(8));
      if (s.ciLow() <= 3 && 3 <= s.ciHigh()) {
        covered++;
      }
    }
    assertThat(covered).isBetween(3800 - 55, 3800 + 55);
  }

  @Test
  void oneValueHasAMeanButNoInterval() {
    Summary s = Summary.of(new double[] {42});
    assertThat(s.n()).isEqualTo(1);
    assertThat(s.mean()).isEqualTo(42);
    assertThat(s.hasCi()).isFalse();
    assertThat(s.ciLow()).isNaN();
  }

  @Test
  void valuesThatDoNotApplyAreLeftOut() {
    Summary s = Summary.of(new double[] {Double.NaN, 2, 4, Double.NaN});
    assertThat(s.n()).isEqualTo(2);
    assertThat(s.mean()).isEqualTo(3);
    assertThat(Summary.of(new double[] {Double.NaN})).isEqualTo(Summary.EMPTY);
  }

  @Test
  void pairedDifferenceOfIdenticalSamplesIsExactlyZero() {
    double[] x = {31, 48, 40, 43, 39};
    Summary d = Summary.paired(x, x.clone());
    assertThat(d.n()).isEqualTo(5);
    assertThat(d.mean()).isZero();
    assertThat(d.ciLow()).isZero();
    assertThat(d.ciHigh()).isZero();
  }

  @Test
  void pairedDifferenceUsesOnlyReplicationsWhereBothApply() {
    Summary d = Summary.paired(new double[] {5, Double.NaN, 7}, new double[] {1, 2, Double.NaN});
    assertThat(d.n()).isEqualTo(1);
    assertThat(d.mean()).isEqualTo(4);
  }
}
