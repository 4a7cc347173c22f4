package io.smsim.analysis;

import io.smsim.metrics.RunResult;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.Variant;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Variants of a scenario over the same replications: replication r of every variant uses substream
 * r (common random numbers), so a variant's paired difference from the baseline,
 * d_r = x_r(variant) − x_r(baseline), has the variance of the difference, not the sum of the two
 * variances (Law, §10.2.1): small differences show up in few replications, and identical variants
 * differ by exactly zero. Each metric of each variant gets a {@link Summary}, and its difference
 * from the baseline a paired one.
 *
 * @param metrics every per-region metric of the regions any variant simulates
 * @param variants in the order compared; {@code baseline} indexes the baseline among them
 * @param points the statistics, one per variant, same order
 * @param baselineRun replication 0 of the baseline in full: the run {@code incident-review.md} reviews
 *     (the same run as {@code replay --variant <baseline>})
 * @param wallSeconds wall-clock time of all runs (not deterministic)
 * @param wallThreads runs at once at most: threads, or Spark cores (does not change any other field)
 */
public record Comparison(String scenario, String source, long seed, int replications, List<MetricPath> metrics,
    List<Variant> variants, int baseline, List<PointStats> points, RunResult baselineRun, double wallSeconds,
    int wallThreads) {

  /** What a run leaves behind: its metric values, and the run itself for replication 0 of the baseline. */
  private record Kept(double[] values, RunResult run) implements Serializable {
  }

  public Comparison {
    Objects.requireNonNull(baselineRun, "baselineRun");
    metrics = List.copyOf(metrics);
    variants = List.copyOf(variants);
    points = List.copyOf(points);
    if (baseline < 0 || baseline >= variants.size()) {
      throw new IllegalArgumentException("baseline out of range: " + baseline);
    }
  }

  /** Runs every variant for replications 0..n-1 and compares each with {@code variants[baseline]}. */
  public static Comparison run(String scenario, String source, List<Variant> variants, int baseline, long seed,
      int replications, Runner runner, Runner.Listener listener) {
    List<Scenario> scenarios = variants.stream().map(Variant::scenario).toList();
    List<MetricPath> metrics = MetricPath.regionMetrics(regions(scenarios));
    long t0 = System.nanoTime();
    List<List<Kept>> kept = runner.run(scenarios, seed, replications,
        (point, run) -> new Kept(SummaryMetrics.values(run, metrics),
            point == baseline && run.replication() == 0 ? run : null), listener);
    double wall = (System.nanoTime() - t0) / 1e9;
    double[][] base = values(kept.get(baseline));
    List<PointStats> points = new ArrayList<>();
    for (List<Kept> v : kept) {
      points.add(PointStats.of(values(v), base));
    }
    return new Comparison(scenario, source, seed, replications, metrics, variants, baseline, points,
        kept.get(baseline).get(0).run(), wall, runner.parallelism());
  }

  private static double[][] values(List<Kept> kept) {
    return kept.stream().map(Kept::values).toArray(double[][]::new);
  }

  /** The regions any of the scenarios simulates. */
  static Set<Region> regions(List<Scenario> scenarios) {
    Set<Region> regions = EnumSet.noneOf(Region.class);
    for (Scenario s : scenarios) {
      regions.addAll(s.regions().keySet());
    }
    return regions;
  }

  public Variant baselineVariant() {
    return variants.get(baseline);
  }

  /** Index of a metric, or -1. */
  public int indexOf(MetricPath metric) {
    return metrics.indexOf(metric);
  }
}
