package io.smsim.analysis;

import io.smsim.metrics.RunResult;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import java.io.Serializable;
import java.util.List;

/**
 * Independent replications of one scenario ({@code replay --replications N}): every per-region
 * metric per replication, their {@link Summary} (mean and 95% Student-t CI), and replication 0 in
 * full, which {@code summary.json} (contract v1) and {@code timeline.csv} describe.
 *
 * @param values [replication][metric]
 * @param first replication 0, the same run as a plain {@code replay}
 */
public record Replications(String scenario, String source, long seed, int replications, List<MetricPath> metrics,
    double[][] values, PointStats stats, RunResult first, double wallSeconds, int wallThreads) {

  /** What a run leaves behind: its metric values, and the run itself for replication 0. */
  private record Kept(double[] values, RunResult run) implements Serializable {
  }

  public static Replications run(Scenario scenario, long seed, int replications, Runner runner,
      Runner.Listener listener) {
    List<MetricPath> metrics = MetricPath.regionMetrics(scenario.regions().keySet());
    long t0 = System.nanoTime();
    List<Kept> kept = runner.run(List.of(scenario), seed, replications,
        (point, run) -> new Kept(SummaryMetrics.values(run, metrics), run.replication() == 0 ? run : null),
        listener).get(0);
    double wall = (System.nanoTime() - t0) / 1e9;
    double[][] values = kept.stream().map(Kept::values).toArray(double[][]::new);
    return new Replications(scenario.name(), scenario.source(), seed, replications, metrics, values,
        PointStats.of(values, null), kept.get(0).run(), wall, runner.parallelism());
  }

  public int indexOf(MetricPath metric) {
    return metrics.indexOf(metric);
  }
}
