package io.smsim.calibrate;

/**
 * The optimisers {@code smsim calibrate} uses (Apache Commons Math 3), in its two stages: a
 * search of the whole range, then a local refinement.
 */
public enum Method {
  /** Brent's method on one parameter: golden section and parabolic interpolation (Brent 1973); both stages. */
  BRENT("brent"),
  /** Powell's BOBYQA: bound-constrained, derivative-free, quadratic models in a trust region (Powell 2009); both stages. */
  BOBYQA("bobyqa"),
  /** CMA-ES: evolution strategy with covariance matrix adaptation (Hansen 2006), seeded; both stages. */
  CMAES("cmaes"),
  /** CMA-ES over the whole range, then BOBYQA from its best point: the default for several parameters. */
  CMAES_BOBYQA("cmaes+bobyqa");

  private final String key;

  Method(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Brent for one parameter, CMA-ES then BOBYQA for several. */
  public static Method auto(int parameters) {
    return parameters == 1 ? BRENT : CMAES_BOBYQA;
  }

  /** The optimiser of the first stage. */
  Method explore() {
    return this == CMAES_BOBYQA ? CMAES : this;
  }

  /** The optimiser of the second stage. */
  Method refine() {
    return this == CMAES_BOBYQA ? BOBYQA : this;
  }
}
