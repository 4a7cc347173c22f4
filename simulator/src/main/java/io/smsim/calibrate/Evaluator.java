package io.smsim.calibrate;

import io.smsim.analysis.PointStats;
import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Summary;
import io.smsim.analysis.SummaryMetrics;
import io.smsim.model.Region;
import io.smsim.scenario.Fact;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the model at points of the parameter space: the scenario with the parameters set, only the
 * regions the facts and parameters concern ({@link Scenario#withRegions}), replications 0..n-1 of
 * the same seed at every point — common random numbers, so two points differ by their
 * parameters, not by luck, and the objective does not jump with every evaluation. Each point runs
 * once: a repeated point is answered from memory.
 */
final class Evaluator {

  private final ScenarioFile file;
  private final List<FitParameter> params;
  private final List<MetricPath> metrics;
  private final Set<Region> regions;
  private final long seed;
  private final int replications;
  private final int threads;
  private final Map<String, Evaluation> done = new HashMap<>();
  private final List<Evaluation> order = new ArrayList<>();

  Evaluator(ScenarioFile file, List<FitParameter> params, List<Fact> facts, Set<Region> regions, long seed,
      int replications, int threads) {
    this.file = file;
    this.params = List.copyOf(params);
    this.metrics = facts.stream().map(Fact::metric).toList();
    this.regions = Set.copyOf(regions);
    this.seed = seed;
    this.replications = replications;
    this.threads = threads;
  }

  /** The scenario with the parameters at {@code values} (their units), as every evaluation binds it. */
  Scenario scenario(double[] values) {
    List<String> overrides = new ArrayList<>();
    for (int j = 0; j < params.size(); j++) {
      overrides.add(params.get(j).override(values[j]));
    }
    return file.bind(null, overrides, "--fit");
  }

  /** Whether {@code values} was evaluated already. */
  boolean known(double[] values) {
    return done.containsKey(key(values));
  }

  Evaluation evaluate(double[] values) {
    String key = key(values);
    Evaluation known = done.get(key);
    if (known != null) {
      return known;
    }
    Scenario s = scenario(values).withRegions(regions);
    long t0 = System.nanoTime();
    List<double[]> rows = ReplicationRunner.threads(threads).run(List.of(s), seed, replications,
        (point, run) -> SummaryMetrics.values(run, metrics), null).get(0);
    double[][] x = rows.toArray(new double[0][]);
    PointStats stats = PointStats.of(x, null, metrics);
    List<Summary> summaries = new ArrayList<>();
    for (int i = 0; i < metrics.size(); i++) {
      summaries.add(stats.stat(i));
    }
    Evaluation e = new Evaluation(order.size() + 1, values, x, summaries, (System.nanoTime() - t0) / 1e9);
    done.put(key, e);
    order.add(e);
    return e;
  }

  /** Every point evaluated, in order. */
  List<Evaluation> evaluations() {
    return List.copyOf(order);
  }

  int replications() {
    return replications;
  }

  /**
   * Points equal to twelve significant digits are one point: an optimiser's x mapped back to a
   * value can differ from the value it came from in the last bit.
   */
  private static String key(double[] values) {
    String[] digits = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      digits[i] = values[i] == 0 ? "0" : new BigDecimal(values[i]).round(TWELVE).toString();
    }
    return Arrays.toString(digits);
  }

  private static final MathContext TWELVE = new MathContext(12);
}
