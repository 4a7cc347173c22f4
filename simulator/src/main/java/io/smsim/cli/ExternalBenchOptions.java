package io.smsim.cli;

import io.smsim.load.BenchCommand;
import io.smsim.load.CallbackReceiver;
import io.smsim.load.ExternalBench;
import io.smsim.load.ExternalOutputs;
import io.smsim.load.TargetUnreachableException;
import io.smsim.load.Traffic;
import io.smsim.model.Region;
import io.smsim.scenario.Scenario;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code smsim failover-bench --target URL}: the bench against the user's own system
 * (a primary and a standby behind their load balancer or virtual IP), with their fault and restore
 * commands. The load, recovery, repeats, objectives and output options are the in-process bench's.
 */
final class ExternalBenchOptions {

  @Option(names = "--target", paramLabel = "URL",
      description = "Benchmark your own system: its DUIS endpoint, e.g. http://127.0.0.1:8443 (a load balancer or "
          + "virtual IP in front of a primary and a standby). Needs --fault-cmd.")
  String target;

  @Option(names = "--fault-cmd", paramLabel = "CMD",
      description = "The fault, run at --fault-at: e.g. 'kill -9 1234', 'systemctl stop dsp@primary'. Split into words "
          + "like a shell's, nothing expanded, unless --shell.")
  String faultCmd;

  @Option(names = "--restore-cmd", paramLabel = "CMD", description = "The repair, run at --restore-at (optional).")
  String restoreCmd;

  @Option(names = "--fault-at", paramLabel = "T", description = "When the fault command runs, after the load starts "
      + "(default ${DEFAULT-VALUE}).")
  String faultAt = "5s";

  @Option(names = "--restore-at", paramLabel = "T",
      description = "When the restore command runs, after the load starts (needed with --restore-cmd).")
  String restoreAt;

  @Option(names = "--shell", description = "Run the commands with /bin/sh -c (pipes, $(...), globs).")
  boolean shell;

  @Option(names = "--command-timeout", paramLabel = "D",
      description = "A command still running after this is killed and reported (default ${DEFAULT-VALUE}).")
  String commandTimeout = "30s";

  @Option(names = "--server-header", paramLabel = "NAME",
      description = "Response header that names the server that answered (e.g. X-Served-By, or X-Smsim-Server from "
          + "smsim serve --server-name): adds detection, switchover, fail-back and answers by server.")
  String serverHeader;

  @Option(names = "--callback-port", paramLabel = "P",
      description = "Port where your system POSTs final responses (default: any free port, printed).")
  int callbackPort;

  @Option(names = "--callback-bind", paramLabel = "ADDR",
      description = "Address of the callback receiver (default ${DEFAULT-VALUE}).")
  String callbackBind = "127.0.0.1";

  @Option(names = "--ack-only", description = "The synchronous answer is the outcome; no callback receiver.")
  boolean ackOnly;

  /** Whether the external mode was asked for. */
  boolean requested() {
    return target != null || faultCmd != null || restoreCmd != null;
  }

  int run(FailoverBenchCommand c, Scenario scenario) throws InterruptedException {
    ExternalBench.Plan plan = plan(c);
    Traffic traffic = scenario == null ? Traffic.standard(EnumSet.allOf(Region.class),
        Traffic.parseMix(Traffic.DEFAULT_MIX)) : Traffic.fromScenario(scenario, java.util.Set.of(), null);
    PrintWriter err = c.spec.commandLine().getErr();
    PrintWriter out = c.spec.commandLine().getOut();
    List<ExternalBench.Outcome> outcomes;
    try (CallbackReceiver receiver = ackOnly ? null : receiver()) {
      if (receiver != null) {
        err.println("final responses: POST to " + receiver.url() + " (your system's response URL)");
        err.flush();
      }
      outcomes = ExternalBench.run(plan, traffic, receiver, c.out, line -> {
        err.println(line);
        err.flush();
      });
    } catch (TargetUnreachableException e) {
      throw new BadInputException(e.getMessage());
    }
    ExternalOutputs.print(plan, outcomes, out);
    List<Path> written = ExternalOutputs.write(c.out, plan, outcomes);
    out.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList())
        + " and each run's files in " + c.out);
    out.flush();
    return outcomes.stream().allMatch(ExternalBench.Outcome::passed) ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
  }

  private ExternalBench.Plan plan(FailoverBenchCommand c) {
    if (target == null || faultCmd == null) {
      throw new BadInputException("benchmarking your own system needs both --target URL and --fault-cmd CMD");
    }
    URI url;
    try {
      url = new URI(target);
    } catch (URISyntaxException e) {
      throw new BadInputException("--target is not a URL: " + target);
    }
    try {
      long timeout = duration("--command-timeout", commandTimeout);
      BenchCommand fault = BenchCommand.parse(BenchCommand.Role.FAULT, faultCmd, shell, timeout);
      BenchCommand restore = restoreCmd == null ? null
          : BenchCommand.parse(BenchCommand.Role.RESTORE, restoreCmd, shell, timeout);
      long restoreNanos = restoreAt == null ? -1 : duration("--restore-at", restoreAt);
      return new ExternalBench.Plan(url, c.rates, c.repeats, c.duration.toNanos(),
          duration("--fault-at", faultAt), restoreNanos, fault, restore, serverHeader, c.connections, c.threads,
          c.responseTimeout.toNanos(), c.grace.toNanos(), ackOnly,
          c.recovery(), c.seed == null ? 1 : c.seed, c.slo());
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static long duration(String option, String text) {
    try {
      return Converters.durations().convert(text).toNanos();
    } catch (Exception e) {
      throw new BadInputException(option + " must be a duration such as 250ms, 30s or 5m: " + text);
    }
  }

  private CallbackReceiver receiver() throws InterruptedException {
    try {
      return CallbackReceiver.bind(callbackBind, callbackPort);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }
}
