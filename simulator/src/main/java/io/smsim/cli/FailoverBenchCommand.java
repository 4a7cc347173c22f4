package io.smsim.cli;

import io.smsim.output.OutputFiles;
import io.smsim.load.BenchFault;
import io.smsim.load.BenchOutputs;
import io.smsim.load.Durations;
import io.smsim.load.FailoverBench;
import io.smsim.load.RecoveryCriteria;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
@Command(name = "failover-bench", mixinStandardHelpOptions = true,
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

  @Option(names = "--policies", paramLabel = "P,...", split = ",",
      description = "Failover policies: hardware-only, health-check[:synthetic|liveness|heartbeat] "
          + "(default hardware-only,health-check).")
  List<String> policies = new ArrayList<>(List.of("hardware-only", "health-check"));

  @Option(names = "--fault", paramLabel = "F",
      description = "KIND[:REGION[:SERVER]][,param=value...] (default " + BenchFault.SEED_DRILL + ").")
  String fault = BenchFault.SEED_DRILL;

  @Option(names = "--time-scale", paramLabel = "K", description = "Virtual seconds per real second (default ${DEFAULT-VALUE}).")
  double timeScale = 60;

  @Option(names = "--warmup", paramLabel = "D", description = "Load before the fault (default ${DEFAULT-VALUE}).")
  String warmup = "5s";

  @Option(names = "--restart-after", paramLabel = "D",
      description = "Restart the faulted server this long after the fault, or 'never' (default ${DEFAULT-VALUE}).")
  String restartAfter = "12s";

  @Option(names = "--duration", paramLabel = "D", description = "Load duration of each run (default ${DEFAULT-VALUE}).")
  String duration = "25s";

  @Option(names = "--connections", paramLabel = "C", description = "Connections to the emulation (default ${DEFAULT-VALUE}).")
  int connections = 32;

  @Option(names = "--threads", paramLabel = "N", description = "Load generator threads (default ${DEFAULT-VALUE}).")
  int threads = 1;

  @Option(names = "--response-timeout", paramLabel = "D", description = "Final response deadline (default ${DEFAULT-VALUE}).")
  String responseTimeout = "5s";

  @Option(names = "--grace", paramLabel = "D", description = "Late and duplicate answers counted this long (default ${DEFAULT-VALUE}).")
  String grace = "1s";

  @Option(names = "--recovery-success", paramLabel = "RATIO",
      description = "Recovered: success ratio at least this share of the pre-fault one (default ${DEFAULT-VALUE}).")
  double recoverySuccess = 0.98;

  @Option(names = "--recovery-p99", paramLabel = "FACTOR",
      description = "Recovered: e2e p99 at most this factor of the pre-fault one (default ${DEFAULT-VALUE}).")
  double recoveryP99 = 2;

  @Option(names = "--recovery-seconds", paramLabel = "N",
      description = "Recovered: for this many consecutive seconds (default ${DEFAULT-VALUE}).")
  int recoverySeconds = 3;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's).")
  Long seed;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/failover-bench).")
  Path out = Path.of("out", "failover-bench");

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a scenario setting (repeatable).")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;

  @Override
  public Integer call() throws InterruptedException, IOException {
    if (external.requested()) {
      refuseInProcessOptions();
      return external.run(this, scenarioFile == null ? null : ScenarioLoader.load(scenarioFile, overrides));
    }
    if (scenarioFile == null) {
      throw new BadInputException("give a SCENARIO to benchmark the emulation in-process, or --target URL and "
          + "--fault-cmd CMD to benchmark your own system");
    }
    Scenario scenario = ScenarioLoader.load(scenarioFile, overrides);
    FailoverBench.Plan plan = plan(scenario);
    OutputFiles.prepareDirectory(out);
    PrintWriter err = spec.commandLine().getErr();
    List<FailoverBench.Outcome> outcomes = FailoverBench.run(plan, out, line -> {
      err.println(line);
      err.flush();
    });
    PrintWriter w = spec.commandLine().getOut();
    BenchOutputs.printTable(plan, outcomes, w);
    List<Path> written = BenchOutputs.write(out, plan, outcomes);
    w.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()) + " and each run's files in "
        + out);
    w.flush();
    return outcomes.stream().allMatch(o -> o.load().outcomes().balanced()) ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
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

  RecoveryCriteria recovery() {
    try {
      return new RecoveryCriteria(recoverySuccess, recoveryP99, recoverySeconds);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private FailoverBench.Plan plan(Scenario scenario) {
    try {
      long restart = restartAfter.equals("never") ? -1 : Durations.parse("--restart-after", restartAfter);
      return new FailoverBench.Plan(scenario, policies, rates, BenchFault.parse(fault), timeScale,
          Durations.parse("--warmup", warmup), restart, Durations.parse("--duration", duration), connections, threads,
          Durations.parse("--response-timeout", responseTimeout), Durations.parse("--grace", grace), recoverySuccess,
          recoveryP99, recoverySeconds, seed == null ? scenario.seed() : seed);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
