package io.smsim.analysis;

import io.smsim.metrics.RunResult;
import io.smsim.scenario.Expectation;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a scenario file's expectations ({@code smsim check}): the top-level {@code expect:} against
 * the scenario as written, each variant's against that variant, all over the same replications
 * 0..n-1; relative bounds ({@code 10% of baseline}) against the baseline (the first variant) under
 * common random numbers. A variant without overrides is the scenario as written and is run once.
 *
 * @param verdicts in file order: the scenario's expectations, then each variant's
 * @param runs simulations run
 */
public record Check(String scenario, String source, long seed, int replications, List<Verdict> verdicts, int runs,
    double wallSeconds) {

  public Check {
    verdicts = List.copyOf(verdicts);
  }

  /** One set of expectations and the scenario they are about. */
  private record Subject(String name, String key, Scenario scenario, List<Expectation> expectations) {
  }

  public static Check run(ScenarioFile file, long seed, int replications, Runner runner,
      Runner.Listener listener) {
    List<Subject> subjects = subjects(file);
    Subject baseline = file.variants().isEmpty() ? null : subject(file.variants().get(0));
    // Distinct runs, by the overrides that make them; and every metric any expectation reads.
    Map<String, Scenario> runs = new LinkedHashMap<>();
    List<MetricPath> paths = new ArrayList<>();
    for (Subject s : subjects) {
      runs.putIfAbsent(s.key(), s.scenario());
      boolean needsBaseline = false;
      for (Expectation e : s.expectations()) {
        if (!paths.contains(e.metric())) {
          paths.add(e.metric());
        }
        needsBaseline |= e.relative();
      }
      if (needsBaseline) {
        runs.putIfAbsent(baseline.key(), baseline.scenario());
      }
    }
    List<String> keys = new ArrayList<>(runs.keySet());
    long t0 = System.nanoTime();
    List<List<Object[]>> results = runner.run(new ArrayList<>(runs.values()), seed, replications,
        (point, run) -> observe(run, paths), listener);
    double wall = (System.nanoTime() - t0) / 1e9;
    List<Verdict> verdicts = new ArrayList<>();
    for (Subject s : subjects) {
      ExpectationEvaluator evaluator = new ExpectationEvaluator(s.scenario().zone());
      List<Object[]> own = results.get(keys.indexOf(s.key()));
      for (Expectation e : s.expectations()) {
        int m = paths.indexOf(e.metric());
        double[] base = e.relative() ? numbers(results.get(keys.indexOf(baseline.key())), m) : null;
        verdicts.add(evaluator.evaluate(s.name(), e, numbers(own, m), texts(own, m), base));
      }
    }
    return new Check(file.scenario().name(), file.source(), seed, replications, verdicts,
        runs.size() * replications, wall);
  }

  /** The expectation sets of the file: the scenario as written, then every variant that has any. */
  private static List<Subject> subjects(ScenarioFile file) {
    List<Subject> out = new ArrayList<>();
    if (!file.expectations().isEmpty()) {
      out.add(new Subject("as written", "", file.scenario(), file.expectations()));
    }
    for (Variant v : file.variants()) {
      if (!v.expectations().isEmpty()) {
        out.add(subject(v));
      }
    }
    return out;
  }

  private static Subject subject(Variant v) {
    return new Subject("variant " + v.name(), String.join("\n", v.overrides()), v.scenario(), v.expectations());
  }

  private static Object[] observe(RunResult run, List<MetricPath> paths) {
    Object[] out = new Object[paths.size()];
    for (int i = 0; i < out.length; i++) {
      MetricPath p = paths.get(i);
      out[i] = p.kind() == MetricPath.Kind.TEXT ? SummaryMetrics.text(run, p) : (Object) SummaryMetrics.value(run, p);
    }
    return out;
  }

  private static double[] numbers(List<Object[]> reps, int m) {
    double[] x = new double[reps.size()];
    for (int r = 0; r < x.length; r++) {
      x[r] = reps.get(r)[m] instanceof Double d ? d : Double.NaN;
    }
    return x;
  }

  private static String[] texts(List<Object[]> reps, int m) {
    String[] t = new String[reps.size()];
    for (int r = 0; r < t.length; r++) {
      t[r] = reps.get(r)[m] instanceof String s ? s : null;
    }
    return t;
  }

  /** Expectations breached. */
  public long breaches() {
    return verdicts.stream().filter(v -> v.status() == Verdict.Status.BREACH).count();
  }

  public long skipped() {
    return verdicts.stream().filter(v -> v.status() == Verdict.Status.SKIPPED).count();
  }
}
