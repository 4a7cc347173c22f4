package io.smsim.cli;

import io.smsim.analysis.Replications;
import io.smsim.analysis.Runner;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code replay --replications N} (and {@code --variant}): runs the N replications in parallel;
 * replication 0 is written as usual (summary.json, contract v1), the statistics over all N as
 * replications.csv and replications.json.
 */
final class ReplicationsReplay {

  private final Replications reps;
  private final String where;

  ReplicationsReplay(Scenario scenario, long seed, int replications, SparkOptions spark, Integer threads,
      boolean quiet, java.io.PrintWriter err) {
    if (replications < 1) {
      throw new BadInputException("--replications must be at least 1: " + replications);
    }
    RunsProgress progress = new RunsProgress("replay", quiet, err);
    try (Runner runner = spark.runner(threads, "smsim replay " + scenario.name())) {
      this.reps = Replications.run(scenario, seed, replications, runner, progress);
      this.where = runner.describe();
    }
    progress.done();
  }

  /** The scenario as written, or the named variant. */
  static Scenario scenario(Path file, List<String> overrides, String variant) {
    ScenarioFile f = ScenarioFile.load(file, overrides);
    if (variant == null) {
      return f.scenario();
    }
    return f.variant(variant).map(Variant::scenario).orElseThrow(() -> new BadInputException("no variant " + variant
        + " in " + file + "; declared: " + (f.variants().isEmpty() ? "none"
            : String.join(", ", f.variants().stream().map(Variant::name).toList()))));
  }

  RunResult first() {
    return reps.first();
  }

  Replications replications() {
    return reps;
  }

  /** Where the runs went, for the console's timing line: "2 threads", "Spark local[2], 2 cores". */
  String where() {
    return where;
  }
}
