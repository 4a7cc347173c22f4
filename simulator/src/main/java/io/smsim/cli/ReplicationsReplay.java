package io.smsim.cli;

import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Replications;
import io.smsim.analysis.ReplicationsFiles;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code replay --replications N} (and {@code --variant}): runs the N replications in parallel;
 * replication 0 is written as usual (summary.json, contract v1), the statistics over all N as
 * replications.csv and replications.json.
 */
final class ReplicationsReplay {

  private final Replications reps;
  private final boolean quiet;

  ReplicationsReplay(Scenario scenario, long seed, int replications, Integer threads, boolean quiet) {
    if (replications < 1) {
      throw new BadInputException("--replications must be at least 1: " + replications);
    }
    int n = threads == null ? ReplicationRunner.defaultThreads() : threads;
    if (n < 1) {
      throw new BadInputException("--threads must be at least 1: " + n);
    }
    this.quiet = quiet;
    RunsProgress progress = new RunsProgress("replay", quiet);
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

  void write(Path dir, PrintWriter w) throws IOException {
    Path csv = dir.resolve("replications.csv");
    Path json = dir.resolve("replications.json");
    ReplicationsFiles.writeCsv(reps, csv);
    ReplicationsFiles.writeJson(reps, json);
    if (!quiet) {
      PrintStream ps = new PrintStream(new WriterOutputStream(w), true, StandardCharsets.UTF_8);
      ps.println();
      ReplicationsFiles.print(reps, ps);
      ps.printf(Locale.ROOT, "%d runs in %.1f s on %d thread%s; summary.json and timeline.csv describe replication 0%n",
          reps.replications(), reps.wallSeconds(), reps.wallThreads(), reps.wallThreads() == 1 ? "" : "s");
      ps.flush();
    }
    w.println("wrote " + csv + ", " + json);
    w.flush();
  }
}
