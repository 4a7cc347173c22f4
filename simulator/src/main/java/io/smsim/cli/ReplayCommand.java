package io.smsim.cli;

import io.smsim.output.OutputFiles;
import io.smsim.analysis.Replications;
import io.smsim.metrics.RunResult;
import io.smsim.report.ConsoleSummary;
import io.smsim.report.ReplayReports;
import io.smsim.report.SummaryJson;
import io.smsim.report.TimelineCsv;
import io.smsim.scenario.Scenario;
import io.smsim.sim.Replay;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim replay}: one scenario in virtual time; console summary, summary.json, timeline.csv,
 * and (unless {@code --no-report}) report.html and incident-review.md.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = "Replay a scenario in virtual time and write DIR/summary.json, DIR/timeline.csv, "
        + "DIR/report.html and DIR/incident-review.md.")
final class ReplayCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's seed).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>, or out/<scenario name>-<variant> with --variant).")
  Path out;

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a setting, e.g. --set regions.north.reaper.period=1h (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--no-report", description = "Do not write report.html and incident-review.md.")
  boolean noReport;

  @Option(names = "--variant", paramLabel = "NAME", description = "Replay one of the scenario's variants.")
  String variant;

  @Option(names = {"-n", "--replications"}, paramLabel = "N", defaultValue = "1",
      description = "Independent replications (replication r uses substream r); with N > 1 also writes "
          + "DIR/replications.csv and .json (mean, 95% CI); summary.json stays replication 0.")
  int replications;

  @Option(names = "--threads", paramLabel = "N", description = "Threads: replications in parallel with "
      + "--replications, else regions in parallel (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--quiet", description = "Print only the output paths.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Override
  public Integer call() throws IOException {
    Scenario scenario = ReplicationsReplay.scenario(scenarioFile, overrides, variant);
    long runSeed = seed == null ? scenario.seed() : seed;
    Path dir = OutputFiles.prepareDirectory(out != null ? out
        : Path.of("out", OutputFiles.segment(variant == null ? scenario.name() : scenario.name() + "-" + variant)));
    if (replications != 1) {
      ReplicationsReplay reps = new ReplicationsReplay(scenario, runSeed, replications, threads, quiet);
      write(scenario, reps.first(), reps.replications(), dir);
      reps.write(dir, spec.commandLine().getOut());
      return Main.EXIT_OK;
    }
    RunResult result = simulate(scenario, runSeed);
    write(scenario, result, null, dir);
    return Main.EXIT_OK;
  }

  private RunResult simulate(Scenario scenario, long runSeed) {
    Progress progress = new Progress(scenario, quiet ? null : System.err);
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

  /** Writes replication 0's files and, unless --no-report, the reports (with the statistics of all, if any). */
  private void write(Scenario scenario, RunResult result, Replications reps, Path dir) throws IOException {
    Path summary = dir.resolve("summary.json");
    Path timeline = dir.resolve("timeline.csv");
    SummaryJson.write(result, summary);
    TimelineCsv.write(result, timeline);
    List<Path> written = new ArrayList<>(List.of(summary, timeline));
    if (!noReport) {
      written.addAll(reps == null ? ReplayReports.write(scenario, result, dir) : ReplayReports.write(scenario, reps, dir));
    }
    PrintWriter w = spec.commandLine().getOut();
    if (!quiet) {
      PrintStream ps = new PrintStream(new WriterOutputStream(w), true, StandardCharsets.UTF_8);
      ConsoleSummary.print(result, ps);
      ps.println();
      ConsoleSummary.printSpeed(result, ps);
      ps.flush();
    }
    w.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
    w.flush();
  }
}
