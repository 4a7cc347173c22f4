package io.smsim.calibrate;

/** The optimiser {@code smsim calibrate} uses (Apache Commons Math 3). */
public enum Method {
  /** Brent's method on one parameter: golden section and parabolic interpolation (Brent 1973). */
  BRENT("brent"),
  /** Powell's BOBYQA: bound-constrained, derivative-free, quadratic models in a trust region (Powell 2009). */
  BOBYQA("bobyqa"),
  /** CMA-ES: evolution strategy with covariance matrix adaptation (Hansen 2006); seeded, so deterministic. */
  CMAES("cmaes");

  private final String key;

  Method(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** Brent for one parameter, BOBYQA for several. */
  public static Method auto(int parameters) {
    return parameters == 1 ? BRENT : BOBYQA;
  }
}
