package io.smsim.cli;

import io.smsim.output.OutputFiles;
import io.smsim.analysis.Replications;
import io.smsim.analysis.ReplicationsFiles;
import io.smsim.metrics.RunResult;
import io.smsim.report.ConsoleSummary;
import io.smsim.report.ReplayReports;
import io.smsim.report.SummaryJson;
import io.smsim.report.TimelineCsv;
import io.smsim.scenario.Scenario;
import io.smsim.sim.Replay;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim replay}: one scenario in virtual time; console summary, summary.json, timeline.csv,
 * and (unless {@code --no-report}) report.html and incident-review.md.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Replay a scenario in virtual time and write DIR/summary.json, DIR/timeline.csv, "
        + "DIR/report.html and DIR/incident-review.md.")
final class ReplayCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's seed).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>, with "
      + "-<variant> for --variant and -seed<N> for a --seed other than the scenario's).")
  Path out;

  @Option(names = "--no-report", description = "Do not write report.html and incident-review.md.")
  boolean noReport;

  @Option(names = "--variant", paramLabel = "NAME", description = "Replay one of the scenario's variants.")
  String variant;

  @Option(names = {"-n", "--replications"}, paramLabel = "N", defaultValue = "1",
      description = "Independent replications (replication r uses substream r); with N > 1 also writes "
          + "DIR/replications.csv and .json (mean, 95%% CI); summary.json stays replication 0.")
  int replications;

  @Option(names = "--threads", paramLabel = "N", description = "Threads: replications in parallel with "
      + "--replications, else regions in parallel (default: all cores). Results do not depend on it.")
  Integer threads;

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  FormatOption format;

  @Mixin
  CommonOptions common;

  @Mixin
  SparkOptions spark;

  @Override
  public Integer call() throws IOException {
    Scenario scenario = ReplicationsReplay.scenario(scenarioFile, scenarioOptions.overrides, variant);
    long runSeed = seed == null ? scenario.seed() : seed;
    if (replications == 1 && (spark.spark || spark.master != null)) {
      throw new BadInputException("--spark runs replications as Spark tasks: give --replications N (N > 1)");
    }
    Path dir = OutputFiles.prepareDirectory(outDir(scenario, runSeed));
    if (replications != 1) {
      ReplicationsReplay reps = new ReplicationsReplay(scenario, runSeed, replications, spark, threads,
          quietProgress(), spec.commandLine().getErr());
      return write(scenario, reps.first(), reps.replications(), reps.where(), dir);
    }
    return write(scenario, simulate(scenario, runSeed), null, null, dir);
  }

  /** out/<name>[-<variant>][-seed<N>]: a run with another seed never overwrites the default seed's files. */
  private Path outDir(Scenario scenario, long runSeed) {
    if (out != null) {
      return out;
    }
    String name = variant == null ? scenario.name() : scenario.name() + "-" + variant;
    return Path.of("out", OutputFiles.segment(runSeed == scenario.seed() ? name : name + "-seed" + runSeed));
  }

  private boolean quietProgress() {
    return common.quiet || format.json();
  }

  private RunResult simulate(Scenario scenario, long runSeed) {
    Progress progress = Progress.forRun(scenario, quietProgress(), spec.commandLine().getErr());
    long t0 = System.nanoTime();
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new BadInputException("--threads must be at least 1: " + n);
    }
    RunResult result = Replay.run(scenario, runSeed, 0, progress, n);
    double wall = (System.nanoTime() - t0) / 1e9;
    progress.done();
    return result.withWallSeconds(wall);
  }

  /**
   * Writes replication 0's files and, unless --no-report, the reports (with the statistics of all, if any;
   * {@code where} they ran).
   */
  private int write(Scenario scenario, RunResult result, Replications reps, String where, Path dir)
      throws IOException {
    CommandOutput files = CommandOutput.in(dir)
        .add("summary.json", p -> SummaryJson.write(result, p))
        .add("timeline.csv", p -> TimelineCsv.write(result, p))
        .json("summary.json");
    if (reps != null) {
      files.add("replications.csv", p -> ReplicationsFiles.writeCsv(reps, p))
          .add("replications.json", p -> ReplicationsFiles.writeJson(reps, p));
    }
    files.addIf(!noReport, d -> reps == null ? ReplayReports.write(scenario, result, d)
        : ReplayReports.write(scenario, reps, d));
    PrintWriter err = spec.commandLine().getErr();
    return files.writeThenPrint(spec.commandLine().getOut(), err, common, format, w -> {
      ConsoleSummary.print(result, w);
      w.println();
      ConsoleSummary.printSpeed(result, w);
      if (reps != null) {
        w.println();
        ReplicationsFiles.print(reps, w);
        w.printf(Locale.ROOT, "%d runs in %.1f s on %s; summary.json and timeline.csv describe replication 0%n",
            reps.replications(), reps.wallSeconds(), where);
      }
    });
  }
}
