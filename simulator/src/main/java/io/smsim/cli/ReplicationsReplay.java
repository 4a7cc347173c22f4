package io.smsim.cli;

import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Replications;
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

  ReplicationsReplay(Scenario scenario, long seed, int replications, Integer threads, boolean quiet,
      java.io.PrintWriter err) {
    if (replications < 1) {
      throw new BadInputException("--replications must be at least 1: " + replications);
    }
    int n = threads == null ? ReplicationRunner.defaultThreads() : threads;
    if (n < 1) {
      throw new BadInputException("--threads must be at least 1: " + n);
    }
    RunsProgress progress = new RunsProgress("replay", quiet, err);
    this.reps = Replications.run(scenario, seed, replications, n, progress);
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
}
