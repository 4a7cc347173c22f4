package io.smsim.cli;

import io.smsim.output.OutputFiles;
import io.smsim.load.BenchFault;
import io.smsim.load.BenchOutputs;
import io.smsim.load.FailoverBench;
import io.smsim.load.RecoveryCriteria;
import io.smsim.load.Slo;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim failover-bench}: the live emulation in-process under open-model load, a fault at a
 * set time, and the time to detect, to switch over and to recover, with the requests failed, lost
 * and duplicated, per failover policy and load level.
 */
@Command(name = "failover-bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Benchmark failover live: serve the scenario in-process, drive load, inject a fault, and measure "
        + "detection, switchover, recovery and the requests failed, lost and duplicated, per policy and rate.")
final class FailoverBenchCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "Scenario YAML file (its own faults are left out); with --target optional: its devices and SRV mix.")
  Path scenarioFile;

  @Mixin
  ExternalBenchOptions external = new ExternalBenchOptions();

  @Option(names = {"--rates", "--rate"}, paramLabel = "R,...", split = ",",
      description = "Load levels, requests per second (default 400).")
  List<Double> rates = new ArrayList<>(List.of(400.0));

  @Option(names = "--policies", paramLabel = "P,...", split = ",", converter = BenchPolicy.Converter.class,
      description = "Failover policies: hardware-only, health-check[:synthetic|liveness|heartbeat] "
          + "(default hardware-only,health-check).")
  List<BenchPolicy> policies = new ArrayList<>(List.of(BenchPolicy.HARDWARE_ONLY, BenchPolicy.HEALTH_CHECK));

  @Option(names = "--fault", paramLabel = "F",
      description = "KIND[:REGION[:SERVER]][,param=value...] (default " + BenchFault.SEED_DRILL + ").")
  String fault = BenchFault.SEED_DRILL;

  @Option(names = "--time-scale", paramLabel = "K", description = "Virtual seconds per real second (default ${DEFAULT-VALUE}).")
  double timeScale = 60;

  @Option(names = "--warmup", paramLabel = "D", defaultValue = "5s",
      description = "Load before the fault (default ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--restart-after", paramLabel = "D", defaultValue = "12s",
      description = "Restart the faulted server this long after the fault, or 'never' (default ${DEFAULT-VALUE}).")
  String restartAfter;

  @Option(names = "--duration", paramLabel = "D", defaultValue = "25s",
      description = "Load duration of each run, e.g. 25s or 1m30s (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--connections", paramLabel = "C", description = "Connections to the emulation (default ${DEFAULT-VALUE}).")
  int connections = 32;

  @Option(names = "--threads", paramLabel = "N", description = "Load generator threads (default ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--response-timeout", paramLabel = "D", defaultValue = "5s",
      description = "Final response deadline (default ${DEFAULT-VALUE}).")
  Duration responseTimeout;

  @Option(names = "--grace", paramLabel = "D", defaultValue = "1s",
      description = "Late and duplicate answers counted this long (default ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(names = "--recovery-success", paramLabel = "RATIO",
      description = "Recovered: success ratio at least this share of the pre-fault one (default ${DEFAULT-VALUE}).")
  double recoverySuccess = 0.98;

  @Option(names = "--recovery-p99", paramLabel = "FACTOR",
      description = "Recovered: e2e p99 at most this factor of the pre-fault one (default ${DEFAULT-VALUE}).")
  double recoveryP99 = 2;

  @Option(names = "--recovery-seconds", paramLabel = "N",
      description = "Recovered: for this many consecutive seconds (default ${DEFAULT-VALUE}).")
  int recoverySeconds = 3;

  @Option(names = "--repeats", paramLabel = "N",
      description = "Runs per rate (in-process: per policy and rate), summed up as median and range "
          + "(default ${DEFAULT-VALUE}).")
  int repeats = 1;

  @Option(names = "--slo", paramLabel = "SPEC",
      description = "Objectives per run, e.g. 'recovery<5s,lost<=0,failed<1%%,detection<2s'; also every smsim load "
          + "metric (gap and failback: --target only). A breach exits with status 1.")
  String slo;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/failover-bench).")
  Path out = Path.of("out", "failover-bench");

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws InterruptedException, IOException {
    if (external.requested()) {
      refuseInProcessOptions();
      return external.run(this, scenarioFile == null ? null
          : ScenarioLoader.load(scenarioFile, scenarioOptions.overrides));
    }
    if (scenarioFile == null) {
      throw new BadInputException("give a SCENARIO to benchmark the emulation in-process, or --target URL and "
          + "--fault-cmd CMD to benchmark your own system");
    }
    Scenario scenario = ScenarioLoader.load(scenarioFile, scenarioOptions.overrides);
    FailoverBench.Plan plan = plan(scenario);
    OutputFiles.prepareDirectory(out);
    ProgressOutput progress = ProgressOutput.on(spec.commandLine().getErr(), common.quiet);
    List<FailoverBench.Outcome> outcomes = FailoverBench.run(plan, out, progress::event,
        line -> progress.update(Double.NaN, () -> line));
    progress.done();
    CommandOutput.in(out).addIf(true, d -> BenchOutputs.write(d, plan, outcomes))
        .writeThenPrint(spec.commandLine().getOut(), common, null, w -> BenchOutputs.printTable(plan, outcomes, w));
    return outcomes.stream().allMatch(FailoverBench.Outcome::passed) ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
  }

  /** The options that only the in-process bench takes. */
  private void refuseInProcessOptions() {
    for (String name : List.of("--policies", "--fault", "--time-scale", "--warmup", "--restart-after")) {
      if (spec.commandLine().getParseResult().hasMatchedOption(name)) {
        throw new BadInputException(name + " belongs to the in-process bench; against --target the fault is "
            + "--fault-cmd at --fault-at (the warm-up is the time before it), the repair --restore-cmd at --restore-at");
      }
    }
  }

  /** The objectives of {@code --slo} (none without it). */
  List<Slo.Clause> slo() {
    try {
      return slo == null ? List.of() : Slo.parseFailover(slo);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  RecoveryCriteria recovery() {
    try {
      return new RecoveryCriteria(recoverySuccess, recoveryP99, recoverySeconds);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private long restartAfterNanos() {
    try {
      return Converters.durations().convert(restartAfter).toNanos();
    } catch (Exception e) {
      throw new BadInputException("--restart-after must be a duration (e.g. 12s) or never: " + restartAfter);
    }
  }

  private FailoverBench.Plan plan(Scenario scenario) {
    try {
      long restart = restartAfter.trim().equals("never") ? -1 : restartAfterNanos();
      return new FailoverBench.Plan(scenario, policies.stream().map(BenchPolicy::key).toList(), rates,
          BenchFault.parse(fault), timeScale, warmup.toNanos(), restart, duration.toNanos(), connections, threads,
          responseTimeout.toNanos(), grace.toNanos(), recoverySuccess, recoveryP99, recoverySeconds,
          seed == null ? scenario.seed() : seed, repeats, slo());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
