package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RunResult;
import io.smsim.metrics.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/**
 * Children leak with probability ℓ at rate λ, so leaked children arrive as a Poisson process of
 * rate ℓλ and the table of P processes is full at the P-th leak: the time to exhaustion is
 * Gamma(P, ℓλ), with mean P/(ℓλ) (ARCHITECTURE.md, "The model in brief").
 */
class ExhaustionTest {

  private static final int P = 2000;
  private static final double LEAK = 0.1;
  private static final double LAMBDA = 10;

  private static double secondsToExhaustion(long seed) {
    RunResult r = Scenarios.run(Scenarios.north("2020-01-06T02:00:00Z", LAMBDA,
        "processLimit: " + P + "\nserviceTime: {onDemand: 10ms}", "",
        "faults:\n  - {kind: leak, region: north, server: primary, at: 2020-01-06T00:00:00Z, probability: " + LEAK + "}"),
        seed);
    TimelineEvent full = Scenarios.north(r).events().stream()
        .filter(e -> e.kind().key().equals("process-limit-reached")).findFirst().orElseThrow();
    return Duration.between(Instant.parse("2020-01-06T00:00:00Z"), full.at()).toNanos() / 1e9;
  }

  @Test
  void leakedChildrenExhaustProcessTableAtPredictedTime() {
    int runs = 40;
    double[] times = new double[runs];
    double sum = 0;
    for (int i = 0; i < runs; i++) {
      times[i] = secondsToExhaustion(100 + i);
      sum += times[i];
    }
    double predicted = P / (LEAK * LAMBDA);
    assertThat(sum / runs).isCloseTo(predicted, org.assertj.core.data.Percentage.withPercentage(2));
    // the whole distribution, not just the mean: Gamma(shape P, scale 1/(l*lambda))
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(
        new GammaDistribution(null, P, 1 / (LEAK * LAMBDA)), times);
    assertThat(p).isGreaterThan(0.01);
  }
}
