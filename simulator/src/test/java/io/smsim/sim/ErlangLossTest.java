package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.analysis.Summary;
import io.smsim.metrics.RegionResult;
import org.junit.jupiter.api.Test;

/**
 * Two loss systems, checked against Erlang's loss formula B(c, a) (Kleinrock, "Queueing Systems" I,
 * §3.6): B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)).
 *
 * <ul>
 *   <li>{@code queueLimit: 0} is no waiting room: c workers and Poisson arrivals make an M/M/c/c
 *       system; the share of requests refused (queue full) is B(c, λ/μ).</li>
 *   <li>Leaked children that exit after a lifetime make the full process table a loss system with
 *       P slots, each child holding one for its work S and, with the leak probability ℓ, its
 *       lingering time τ: the share of spawns that fail is B(P, λ·(E[S] + ℓ·E[τ])), whatever the
 *       distribution of τ (insensitivity, Sevast'yanov 1957): exponential and constant lingering
 *       with the same mean give the same share.</li>
 * </ul>
 * Each check runs ten independent replications and asks the 95% CI of the share (widened by 1% of
 * B for the loss formula's own rounding of nothing: it is exact) to contain B.
 */
class ErlangLossTest {

  static double erlangB(int c, double a) {
    double b = 1;
    for (int k = 1; k <= c; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  @Test
  void erlangBMatchesAPublishedValue() {
    // c = 10, a = 8 Erlangs: 12.17% (standard Erlang B tables)
    assertThat(erlangB(10, 8)).isCloseTo(0.1217, org.assertj.core.data.Offset.offset(5e-5));
  }

  private static Summary share(String gateway, String tail, String outcome, double ratePerSecond) {
    double[] shares = new double[10];
    for (int r = 0; r < shares.length; r++) {
      RegionResult north = Scenarios.north(Replay.run(Scenarios.north("2020-01-06T03:00:00Z", ratePerSecond, gateway,
          "", tail), 41, r, null));
      shares[r] = (double) north.attemptOutcomes().get(outcome) / north.attempts().total();
    }
    return Summary.of(shares);
  }

  @Test
  void noWaitingRoomIsTheErlangLossSystem() {
    Summary blocked = share("processLimit: 100000\nworkers: 10\nqueueLimit: 0\n"
        + "serviceTime: {onDemand: {dist: exponential, mean: 1s}}", "", "queue_full", 8);
    double b = erlangB(10, 8);
    assertThat(b).isBetween(blocked.ciLow(), blocked.ciHigh());
  }

  @Test
  void lingeringLeakedChildrenMakeTheFullTableALossSystemWhateverTheirLifetimeDistribution() {
    // P = 100 slots, λ = 5/s, S = 1 s, ℓ = 0.5, E[τ] = 40 s: a = 5 · (1 + 20) = 105 Erlangs
    double b = erlangB(100, 105);
    assertThat(b).isBetween(0.08, 0.12);
    for (String lifetime : new String[] {"{dist: exponential, mean: 40s}", "40s", "{dist: uniform, min: 0s, max: 80s}"}) {
      Summary failed = share("processLimit: 100\nserviceTime: {onDemand: {dist: exponential, mean: 1s}}",
          "faults:\n  - {kind: leak, region: north, at: 2020-01-06T00:00:00Z, probability: 0.5, lifetime: " + lifetime
              + "}", "spawn_failed", 5);
      assertThat(b).as("lifetime " + lifetime + ": " + failed).isBetween(failed.ciLow(), failed.ciHigh());
    }
  }
}
