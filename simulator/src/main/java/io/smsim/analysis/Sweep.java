package io.smsim.analysis;

import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A grid of parameter values (e.g. reaper period × volume scale), each point run for the same
 * replications 0..n-1 (common random numbers across points, so neighbouring points differ by the
 * parameter, not by luck), each metric summarised with a {@link Summary}.
 *
 * @param variant the variant swept, or {@code null} for the scenario as written
 * @param points per point, the parameters' values in {@code params} order
 * @param stats per point, same order
 */
public record Sweep(String scenario, String source, long seed, int replications, String variant,
    List<SweepParam> params, List<List<String>> points, List<MetricPath> metrics, List<PointStats> stats,
    double wallSeconds, int wallThreads) {

  public Sweep {
    params = List.copyOf(params);
    points = points.stream().map(List::copyOf).toList();
    metrics = List.copyOf(metrics);
    stats = List.copyOf(stats);
  }

  /** Binds every point (so a bad value is reported before anything runs), then runs the grid. */
  public static Sweep run(ScenarioFile file, Variant variant, List<SweepParam> params, long seed, int replications,
      Runner runner, Runner.Listener listener) {
    Set<String> paths = new HashSet<>();
    for (SweepParam p : params) {
      if (!paths.add(p.path())) {
        throw new IllegalArgumentException("--param " + p.path() + " is given twice");
      }
    }
    List<List<String>> points = SweepParam.grid(params);
    List<Scenario> scenarios = new ArrayList<>();
    for (List<String> point : points) {
      List<String> overrides = new ArrayList<>();
      for (int i = 0; i < params.size(); i++) {
        overrides.add(params.get(i).path() + "=" + point.get(i));
      }
      scenarios.add(file.bind(variant, overrides, "--param"));
    }
    List<MetricPath> metrics = MetricPath.regionMetrics(Comparison.regions(scenarios));
    long t0 = System.nanoTime();
    List<List<double[]>> values = runner.run(scenarios, seed, replications,
        (point, run) -> SummaryMetrics.values(run, metrics), listener);
    double wall = (System.nanoTime() - t0) / 1e9;
    List<PointStats> stats = new ArrayList<>();
    for (List<double[]> v : values) {
      stats.add(PointStats.of(v.toArray(new double[0][]), null));
    }
    return new Sweep(file.scenario().name(), file.source(), seed, replications,
        variant == null ? null : variant.name(), params, points, metrics, stats, wall, runner.parallelism());
  }

  public int indexOf(MetricPath metric) {
    return metrics.indexOf(metric);
  }
}
