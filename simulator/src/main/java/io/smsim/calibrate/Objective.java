package io.smsim.calibrate;

import io.smsim.analysis.Summary;
import io.smsim.scenario.Fact;
import java.util.List;

/**
 * Weighted least squares between the facts and the model's replication means (a Gaussian
 * pseudo-likelihood; the method of simulated moments, McFadden 1989):
 * <pre>
 *   S(θ) = Σ_i (m_i(θ) − y_i)² / v_i,      v_i = s_i² + u_i²
 * </pre>
 * m_i(θ) is the mean of fact i's metric over the n replications at θ, y_i the observed value, u_i
 * its stated uncertainty, and s_i the metric's standard deviation over the replications at a
 * reference point (the start, then the first stage's fit): an incident is one draw from the
 * model's population of incidents, so a fact is as far from the model's mean as incidents vary
 * from run to run, plus the error in observing it. The weights are held fixed while an optimiser
 * runs, so S is a fixed quadratic form in the means (two-stage weighted least squares).
 *
 * <p>A metric that does not apply in some replications (no incident, so no incident start)
 * cannot be averaged there: each such replication adds {@link #MISSING} to S (a tenth of the
 * replications missing costs as much as a mean 3.2 standard deviations off), and a fact with no
 * value at all adds {@link #MISSING} + {@link #NONE}, so the optimiser first moves to where the
 * facts happen at all.
 */
final class Objective {

  /** Added per share of replications in which a fact's metric does not apply. */
  static final double MISSING = 100;
  /** Added when a fact's metric applies in no replication. */
  static final double NONE = 900;

  private final List<Fact> facts;
  private final double[] variance;

  private Objective(List<Fact> facts, double[] variance) {
    this.facts = facts;
    this.variance = variance;
  }

  /**
   * Weights from the model's spread at a reference evaluation; where the metric applies in fewer
   * than two replications there, {@code previous}'s weight (or the uncertainty alone) is used.
   *
   * @param previous the weights of the stage before, or null
   * @throws IllegalArgumentException when a fact has neither spread nor uncertainty
   */
  static Objective weighted(List<Fact> facts, Evaluation reference, Objective previous) {
    double[] v = new double[facts.size()];
    for (int i = 0; i < v.length; i++) {
      Summary s = reference.stat(i);
      double u = facts.get(i).uncertainty();
      if (s.n() >= 2 && s.sd() > 0) {
        v[i] = s.sd() * s.sd() + u * u;
      } else if (previous != null) {
        v[i] = previous.variance[i];
      } else if (u > 0) {
        v[i] = u * u;
      } else {
        throw new IllegalArgumentException("observed " + facts.get(i).metric() + ": the model gives it no spread at the "
            + "starting point (" + (s.n() < 2 ? "it applies in " + s.n() + " replication" + (s.n() == 1 ? "" : "s")
            : "the same value in every replication") + "), so its weight needs an uncertainty: add uncertainty: to it");
      }
    }
    return new Objective(facts, v);
  }

  double value(Evaluation e) {
    double sum = 0;
    int replications = e.factValues().length;
    for (int i = 0; i < facts.size(); i++) {
      Summary s = e.stat(i);
      if (s.n() == 0) {
        sum += MISSING + NONE;
        continue;
      }
      double d = s.mean() - facts.get(i).value();
      sum += d * d / variance[i] + MISSING * (replications - s.n()) / replications;
    }
    return sum;
  }

  /** v_i: the variance a fact's residual is weighted by. */
  double variance(int fact) {
    return variance[fact];
  }
}
