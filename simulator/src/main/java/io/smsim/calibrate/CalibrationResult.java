package io.smsim.calibrate;

import io.smsim.analysis.Summary;
import io.smsim.model.Region;
import io.smsim.scenario.Fact;
import java.util.List;

/**
 * What {@code smsim calibrate} found: each parameter's fitted value with a 95% confidence
 * interval, each fact against the model's mean at the fit, and how the search went. What the
 * console, {@code calibration.json} and the calibrated scenario's comments are written from.
 *
 * @param zone the scenario's time zone: times are shown in it, as the facts are written
 * @param regions the regions simulated (those the facts and parameters concern)
 * @param objective the weighted sum of squares at the fit ({@link Objective})
 * @param steps every point evaluated, in order
 */
public record CalibrationResult(String scenario, String source, long seed, int replications, Method method,
    java.time.ZoneId zone, List<Region> regions, List<Fitted> parameters, List<FactFit> facts, double startObjective, double objective,
    List<Step> steps, double wallSeconds, int wallThreads) {

  public CalibrationResult {
    regions = List.copyOf(regions);
    parameters = List.copyOf(parameters);
    facts = List.copyOf(facts);
    steps = List.copyOf(steps);
  }

  /**
   * One fitted parameter.
   *
   * @param start where the search started (the scenario's value, or the middle of the range)
   * @param fitted the value written to the calibrated scenario (four significant digits)
   * @param se its standard error, NaN when the facts do not determine it
   * @param ciLow the 95% interval fitted ± 1.96·se, cut to the {@code --fit} range
   * @param cut whether the interval was cut to the range
   */
  public record Fitted(FitParameter parameter, double start, double fitted, double se, double ciLow, double ciHigh,
      boolean cut) {

    public boolean identified() {
      return Double.isFinite(se);
    }
  }

  /**
   * One fact at the fit.
   *
   * @param simulated the metric over the replications at the fitted values (mean and 95% CI)
   * @param sd the standard deviation the residual was weighted by, sqrt(s² + u²)
   * @param z (simulated mean − observed) / sd
   */
  public record FactFit(Fact fact, Summary simulated, double sd, double z) {
  }

  /** One point the search evaluated. */
  public record Step(int index, int stage, double[] values, double objective) {
    public Step {
      values = values.clone();
    }
  }
}
