package io.smsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

  @Test
  void aStreamDependsOnlyOnSeedReplicationAndName() {
    RandomStreams a = new RandomStreams(7, 3);
    RandomStreams b = new RandomStreams(7, 3);
    assertThat(a.stream("north.primary.service").nextLong()).isEqualTo(b.stream("north.primary.service").nextLong());
    assertThat(a.stream("north.primary.service").nextLong()).isNotEqualTo(a.stream("north.primary.leak").nextLong());
    assertThat(new RandomStreams(7, 4).stream("x").nextLong()).isNotEqualTo(a.stream("x").nextLong());
    assertThat(new RandomStreams(8, 3).stream("x").nextLong()).isNotEqualTo(a.stream("x").nextLong());
  }

  @Test
  void uniformsAreUniformAndStreamsUncorrelated() {
    RandomStreams s = new RandomStreams(11, 0);
    RandomStream x = s.stream("a");
    RandomStream y = s.stream("b");
    int bins = 20;
    long[] counts = new long[bins];
    double sxy = 0;
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      double u = x.nextDouble();
      double v = y.nextDouble();
      counts[(int) (u * bins)]++;
      sxy += (u - 0.5) * (v - 0.5);
    }
    double[] expected = new double[bins];
    java.util.Arrays.fill(expected, n / (double) bins);
    assertThat(new ChiSquareTest().chiSquareTest(expected, counts)).isGreaterThan(0.01);
    // correlation of independent U(0,1): sd of the estimate is 1/sqrt(n); allow 4 sd
    double corr = sxy / n / (1.0 / 12);
    assertThat(Math.abs(corr)).isLessThan(4 / Math.sqrt(n));
  }
}
