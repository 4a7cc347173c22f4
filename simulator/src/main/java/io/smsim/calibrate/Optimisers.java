package io.smsim.calibrate;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Minimises a function of x ∈ [0, 1]^k with Apache Commons Math's optimisers: Brent (k = 1),
 * BOBYQA or CMA-ES. Every optimiser is deterministic here (CMA-ES draws from a Mersenne Twister
 * seeded by the run's seed), and the best point seen is kept, so running out of evaluations
 * returns the best so far instead of failing.
 */
final class Optimisers {

  /** Stop when the trust region (BOBYQA), the bracket (Brent) or the step (CMA-ES) is this small, in [0, 1] units. */
  static final double TOLERANCE = 1e-3;

  private Optimisers() {
  }

  /** The best point and its value. */
  record Best(double[] x, double value) {
  }

  private static final class Tracker {
    final ToDoubleFunction<double[]> f;
    double[] bestX;
    double best = Double.POSITIVE_INFINITY;

    Tracker(ToDoubleFunction<double[]> f) {
      this.f = f;
    }

    double apply(double[] x) {
      double[] clamped = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        clamped[i] = Math.min(1, Math.max(0, x[i]));
      }
      double v = f.applyAsDouble(clamped);
      if (v < best) {
        best = v;
        bestX = clamped;
      }
      return v;
    }
  }

  /**
   * @param radius the first step, in [0, 1] units (BOBYQA's initial trust region, CMA-ES's sigma)
   */
  static Best minimise(Method method, ToDoubleFunction<double[]> f, double[] start, double radius, int maxEvaluations,
      long seed) {
    Tracker t = new Tracker(f);
    t.apply(start);
    try {
      switch (method) {
        case BRENT -> new BrentOptimizer(1e-8, TOLERANCE / 2).optimize(new MaxEval(maxEvaluations),
            new UnivariateObjectiveFunction(x -> t.apply(new double[] {x})), GoalType.MINIMIZE,
            new SearchInterval(0, 1, start[0]));
        case BOBYQA -> {
          int k = start.length;
          double r = Math.min(radius, 0.5);
          new BOBYQAOptimizer(2 * k + 1, r, Math.min(TOLERANCE, r / 2)).optimize(new MaxEval(maxEvaluations),
              new ObjectiveFunction(t::apply), GoalType.MINIMIZE, new InitialGuess(start),
              new SimpleBounds(new double[k], filled(k, 1)));
        }
        case CMAES -> {
          int k = start.length;
          int population = 4 + (int) Math.floor(3 * Math.log(k));
          new CMAESOptimizer(Math.max(1, maxEvaluations / population), 0, true, 0, 0, new MersenneTwister(seed),
              false, (iteration, previous, current) -> false).optimize(new MaxEval(maxEvaluations),
              new MaxIter(Math.max(1, maxEvaluations / population)), new ObjectiveFunction(t::apply),
              GoalType.MINIMIZE, new InitialGuess(start), new SimpleBounds(new double[k], filled(k, 1)),
              new CMAESOptimizer.Sigma(filled(k, radius)), new CMAESOptimizer.PopulationSize(population));
        }
        default -> throw new IllegalStateException();
      }
    } catch (TooManyEvaluationsException e) {
      // the best point so far is the answer
    }
    return new Best(t.bestX.clone(), t.best);
  }

  private static double[] filled(int n, double v) {
    double[] a = new double[n];
    Arrays.fill(a, v);
    return a;
  }
}
