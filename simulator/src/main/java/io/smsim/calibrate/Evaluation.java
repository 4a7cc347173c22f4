package io.smsim.calibrate;

import io.smsim.analysis.Summary;
import java.util.List;

/**
 * The model at one point of the parameter space: each fact's metric in each replication, and its
 * summary over the replications (mean, sd, 95% CI suited to the metric's range).
 *
 * @param index 1 for the first point evaluated
 * @param values the parameters' values, in {@code --fit} order and their units
 * @param factValues [replication][fact], NaN where the metric does not apply
 * @param stats per fact
 */
record Evaluation(int index, double[] values, double[][] factValues, List<Summary> stats, double wallSeconds) {

  Evaluation {
    values = values.clone();
    stats = List.copyOf(stats);
  }

  Summary stat(int fact) {
    return stats.get(fact);
  }
}
