package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RunResult;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * With Poisson arrivals, exponential service, c workers, an unbounded queue and no faults, the
 * Gateway Scheduler is an M/M/c queue: the mean response time is W = C(c, a) / (cμ − λ) + 1/μ,
 * with a = λ/μ and C the Erlang C probability of waiting (Kleinrock, Queueing Systems I, §3.5).
 */
class ErlangCTest {

  static double erlangC(int c, double a) {
    double term = 1;
    double sum = 1; // k = 0
    for (int k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    double top = term * a / c * (c / (c - a)); // a^c / c! * c / (c - a)
    return top / (sum + top);
  }

  @Test
  void erlangCFormulaMatchesAKnownValue() {
    // c = 2, a = 1: C = (1/2 * 2) / (1 + 1 + 1) = 1/3
    assertThat(erlangC(2, 1.0)).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void meanResponseTimeMatchesErlangC() {
    double lambda = 8;
    double mu = 1;
    int c = 10;
    RunResult r = Scenarios.run(Scenarios.north("2020-01-08T00:00:00Z", lambda,
        "processLimit: 1000000\nworkers: 10\nserviceTime: {onDemand: {dist: exponential, mean: 1s}}", "", ""), 3);
    double expectedSeconds = erlangC(c, lambda / mu) / (c * mu - lambda) + 1 / mu;
    double measuredSeconds = Scenarios.north(r).latencyMs().mean() / 1000;
    assertThat(Scenarios.north(r).latencyMs().count()).isGreaterThan(1_000_000);
    assertThat(measuredSeconds).isCloseTo(expectedSeconds, Percentage.withPercentage(2));
    // the waiting metrics themselves: P(wait) = C(c, a) and E[Wq] = C(c, a) / (cμ − λ)
    var waiting = Scenarios.north(r).waiting();
    assertThat(waiting.probability()).isCloseTo(erlangC(c, lambda / mu), Percentage.withPercentage(2));
    assertThat(waiting.meanMs() / 1000).isCloseTo(erlangC(c, lambda / mu) / (c * mu - lambda),
        Percentage.withPercentage(4));
  }

  @Test
  void unboundedWorkersGiveTheServiceTimeAlone() {
    // M/M/infinity: no waiting, mean response = 1/mu
    RunResult r = Scenarios.run(Scenarios.north("2020-01-07T00:00:00Z", 8,
        "serviceTime: {onDemand: {dist: exponential, mean: 1s}}", "", ""), 4);
    assertThat(Scenarios.north(r).latencyMs().mean() / 1000).isCloseTo(1.0, Percentage.withPercentage(2));
    assertThat(Scenarios.north(r).waiting().probability()).isZero();
    assertThat(Scenarios.north(r).waiting().meanMs()).isZero();
  }
}
