package io.smsim.analysis;

import io.smsim.scenario.MetricPath;
import java.util.ArrayList;
import java.util.List;

/**
 * The statistics of one point of a study (a variant of a comparison, a sweep point, the scenario
 * of {@code replay --replications}): a {@link Summary} per metric over its replications and, when
 * there is a baseline, the paired difference from it per metric.
 *
 * @param diffs empty when there is no baseline
 */
public record PointStats(List<Summary> stats, List<Summary> diffs) {

  public PointStats {
    stats = List.copyOf(stats);
    diffs = List.copyOf(diffs);
  }

  /**
   * @param values [replication][metric]
   * @param baseline [replication][metric] of the baseline under the same replications, or null
   * @param metrics the metrics, in column order: each one's range decides its interval
   */
  public static PointStats of(double[][] values, double[][] baseline, List<MetricPath> metrics) {
    List<Summary> stats = new ArrayList<>(metrics.size());
    List<Summary> diffs = new ArrayList<>();
    for (int m = 0; m < metrics.size(); m++) {
      double[] x = column(values, m);
      stats.add(Summary.of(x, metrics.get(m).range()));
      if (baseline != null) {
        diffs.add(Summary.paired(x, column(baseline, m)));
      }
    }
    return new PointStats(stats, diffs);
  }

  static double[] column(double[][] values, int metric) {
    double[] x = new double[values.length];
    for (int r = 0; r < values.length; r++) {
      x[r] = values[r][metric];
    }
    return x;
  }

  public Summary stat(int metric) {
    return stats.get(metric);
  }

  public Summary diff(int metric) {
    return diffs.isEmpty() ? Summary.EMPTY : diffs.get(metric);
  }
}
