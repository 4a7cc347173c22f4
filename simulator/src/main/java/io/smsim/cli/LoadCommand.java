package io.smsim.cli;

import io.smsim.duis.Eui64;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.load.CallbackReceiver;
import io.smsim.load.LoadConsole;
import io.smsim.load.LoadOptions;
import io.smsim.load.LoadOutputs;
import io.smsim.load.LoadResult;
import io.smsim.load.LoadRun;
import io.smsim.load.Pacing;
import io.smsim.load.Slo;
import io.smsim.load.TargetUnreachableException;
import io.smsim.load.Traffic;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import io.smsim.workload.SrvMix;
import io.smsim.report.JUnitXml;
import java.io.IOException;
import io.smsim.output.OutputFiles;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smsim load}: open-model DUIS load against a target, with final responses received on an
 * embedded callback URL; writes DIR/summary.json, DIR/results.hlog, DIR/report.html, DIR/lost.txt
 * and DIR/duplicated.txt; exit 1 when an {@code --slo} objective is breached.
 */
@Command(name = "load", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Drive open-model DUIS load at a target (smsim serve, DCC Boxed, your own system): requests on "
        + "schedule whatever the answers, latency from the intended send time, every request accounted for.")
final class LoadCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--target", required = true, paramLabel = "URL",
      description = "DUIS endpoint base URL, e.g. http://127.0.0.1:8080 (requests go to /api/v1/serviceS|D|T).")
  String target;

  @Option(names = "--rate", paramLabel = "R", description = "Requests per second (default 100 unless --profile).")
  Double rate;

  @Option(names = "--profile", paramLabel = "SCENARIO",
      description = "Send the scenario's workload: each region and category's volume and hourly profile, in time "
          + "compressed by --time-scale (instead of --rate).")
  Path profile;

  @Option(names = "--scenario", paramLabel = "SCENARIO",
      description = "Take devices and the SRV mix per region and category from this scenario (with --rate).")
  Path scenarioFile;

  /** How requests are spaced with {@code --rate}. */
  enum Arrivals { CONSTANT, POISSON }

  @Option(names = "--arrivals", paramLabel = "KIND", defaultValue = "constant",
      description = "constant (default) or poisson, with --rate.")
  Arrivals arrivals;

  @Option(names = "--duration", paramLabel = "D", defaultValue = "30s",
      description = "How long requests are sent, e.g. 30s, 5m, 1h30m (default ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", paramLabel = "D",
      description = "Run the same load this long first and discard it (JIT, connections); default none.")
  Duration warmup;

  @Option(names = "--connections", paramLabel = "C", description = "Keep-alive connections (default ${DEFAULT-VALUE}).")
  int connections = 64;

  @Option(names = "--threads", paramLabel = "N", description = "Event-loop threads (default ${DEFAULT-VALUE}).")
  int threads = 2;

  @Option(names = "--mix", paramLabel = "SRV=W,...",
      description = "SRV mix, e.g. 4.1.1=30,2.2=25 (default: the scenario's, else " + Traffic.DEFAULT_MIX + ").")
  String mix;

  @Option(names = "--devices", paramLabel = "RANGE", split = ",",
      description = "Target devices FIRST..LAST or single EUI-64s (default: the scenario's, else serve's defaults).")
  List<String> devices = new ArrayList<>();

  @Option(names = "--regions", paramLabel = "R,...", split = ",", description = "Only these regions (north, central, south).")
  List<Region> regions = new ArrayList<>();

  @Option(names = "--time-scale", paramLabel = "K",
      description = "With --profile: virtual seconds per real second (default ${DEFAULT-VALUE}).")
  double timeScale = 60;

  @Option(names = "--profile-start", paramLabel = "TIME",
      description = "With --profile: where in the scenario to start, ISO-8601 (default: its start).")
  String profileStart;

  @Option(names = "--response-timeout", paramLabel = "D", defaultValue = "30s",
      description = "No final response this long after the intended send: timeout (default ${DEFAULT-VALUE}).")
  Duration responseTimeout;

  @Option(names = "--grace", paramLabel = "D", defaultValue = "5s",
      description = "After the last outcome, keep counting late and duplicate answers this long (default ${DEFAULT-VALUE}).")
  Duration grace;

  @Option(names = "--max-in-flight", paramLabel = "N",
      description = "Requests awaiting their synchronous answer before new ones are refused as client:overload "
          + "(default ${DEFAULT-VALUE}).")
  int maxInFlight = 10_000;

  @Option(names = "--late-threshold", paramLabel = "D", defaultValue = "10ms",
      description = "A send this much after its intended time counts as late (default ${DEFAULT-VALUE}).")
  Duration lateThreshold;

  @Option(names = "--ack-only", description = "The synchronous answer is the outcome; no callback receiver.")
  boolean ackOnly;

  @Option(names = "--callback-port", paramLabel = "P",
      description = "Port of the callback receiver (default: any free port; printed at start).")
  int callbackPort;

  @Option(names = "--callback-bind", paramLabel = "ADDR", description = "Address of the callback receiver (default ${DEFAULT-VALUE}).")
  String callbackBind = "127.0.0.1";

  @Option(names = "--slo", paramLabel = "SPEC",
      description = "Objectives, e.g. 'ack.p99<50ms,e2e.p99<2s,errors<0.1%%'; a breach exits with status 1.")
  String slo;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default ${DEFAULT-VALUE}).")
  Path out = Path.of("out", "load");

  @Option(names = "--no-report", description = "Do not write report.html.")
  boolean noReport;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed for arrivals, SRVs and devices (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(names = "--originator", paramLabel = "EUI64",
      description = "Service User EUI-64 in RequestIDs (default: the --sign-cert's, else 90-B3-D5-1F-30-01-00-00).")
  String originator;

  @Option(names = "--junit", paramLabel = "FILE", description = "Also write JUnit XML for CI: a testcase per --slo objective.")
  Path junit;

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  FormatOption format;

  @Mixin
  CommonOptions common;

  @Mixin
  SignatureOptions signatureOptions = new SignatureOptions();

  @Override
  public Integer call() throws InterruptedException, IOException {
    List<Slo.Clause> objectives = objectives();
    Scenario scenario = scenario();
    Traffic traffic = traffic(scenario);
    LoadOptions options = options(scenario);
    ProgressOutput progress = ProgressOutput.on(spec.commandLine().getErr(), common.quiet || format.json());
    LoadResult result;
    progress.event("signatures: " + options.signatures().describeSigning("requests") + "; "
        + (ackOnly ? "no final responses (--ack-only)" : options.signatures().describeVerification("final responses")));
    try (CallbackReceiver receiver = ackOnly ? null : receiver()) {
      if (receiver != null) {
        progress.event("final responses: POST to " + receiver.url() + " (the DSP's response URL)");
      }
      if (traffic.hasCritical()) {
        progress.event(LoadRun.describeCriticalRequests(options));
      }
      if (warmup != null && !warmup.isZero()) {
        progress.event("warm-up for " + ProgressOutput.seconds(warmup.toNanos() / 1e9) + " (not measured) ...");
        options = LoadRun.warmUp(options, traffic, receiver, warmup.toNanos());
      }
      progress.event(plan(options));
      result = LoadRun.run(options, traffic, receiver, hlog(), line -> progress.update(Double.NaN, () -> line),
          control -> { });
      progress.done();
    } catch (TargetUnreachableException e) {
      throw new BadInputException(e.getMessage());
    }
    return report(result, Slo.evaluate(objectives, result));
  }

  /** What the run will do, in one line: the phases a user would otherwise wonder about. */
  private String plan(LoadOptions o) {
    return "sending for " + ProgressOutput.seconds(o.durationNanos() / 1e9) + (o.ackOnly() ? "" : ", then awaiting final "
        + "responses (at most " + ProgressOutput.seconds(o.responseTimeoutNanos() / 1e9) + ") and a grace period of "
        + ProgressOutput.seconds(o.graceNanos() / 1e9) + " counting late and duplicate answers");
  }

  private List<Slo.Clause> objectives() {
    try {
      return slo == null ? List.of() : Slo.parse(slo);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private Scenario scenario() {
    if (profile != null && scenarioFile != null) {
      throw new BadInputException("give --profile SCENARIO or --scenario SCENARIO, not both");
    }
    if (profile != null && rate != null) {
      throw new BadInputException("give --rate R or --profile SCENARIO, not both");
    }
    Path file = profile != null ? profile : scenarioFile;
    return file == null ? null : ScenarioLoader.load(file, scenarioOptions.overrides);
  }

  private Traffic traffic(Scenario scenario) {
    try {
      SrvMix srvMix = mix == null ? null : Traffic.parseMix(mix);
      Set<Region> only = regionSet();
      if (!devices.isEmpty()) {
        if (profile != null) {
          throw new BadInputException("--devices cannot be combined with --profile (the scenario names the devices)");
        }
        List<long[]> ranges = new ArrayList<>();
        for (String d : devices) {
          ranges.add(Traffic.parseRange(d));
        }
        long dcc = scenario == null ? DeviceRegistry.DCC_BOXED_EUI64 : scenario.devices().dccEui64();
        return Traffic.devices(ranges, srvMix == null ? Traffic.parseMix(Traffic.DEFAULT_MIX) : srvMix, dcc);
      }
      if (scenario != null) {
        return Traffic.fromScenario(scenario, only, srvMix);
      }
      return Traffic.standard(only, srvMix == null ? Traffic.parseMix(Traffic.DEFAULT_MIX) : srvMix);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private Set<Region> regionSet() {
    return regions.isEmpty() ? EnumSet.noneOf(Region.class) : EnumSet.copyOf(regions);
  }

  private LoadOptions options(Scenario scenario) {
    try {
      URI url = new URI(target);
      Pacing pacing = pacing(scenario);
      long base = LoadOptions.defaults(url, pacing).counterBase();
      Signatures signatures = signatureOptions.signatures(Clock.systemUTC());
      long orig = originator != null ? Eui64.parse(originator) : signatures.signing()
          .flatMap(sg -> sg.credential().eui64().isPresent() ? Optional.of(sg.credential().eui64().getAsLong())
              : Optional.empty()).orElse(LoadOptions.DEFAULT_ORIGINATOR);
      return LoadOptions.defaults(url, pacing).withDuration(duration.toNanos())
          .withConnections(connections, threads)
          .withTimeouts(responseTimeout.toNanos(), grace.toNanos())
          .withLimits(maxInFlight, lateThreshold.toNanos()).withAckOnly(ackOnly)
          .withCallback(callbackBind, callbackPort).withIdentity(orig, base, seed).withSignatures(signatures);
    } catch (URISyntaxException e) {
      throw new BadInputException("--target is not a URL: " + target);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage().startsWith("EUI-64") ? "--originator: " + e.getMessage()
          : e.getMessage());
    }
  }

  private Pacing pacing(Scenario scenario) {
    if (profile != null) {
      long start = 0;
      if (profileStart != null) {
        start = scenario.timebase().nanosOf(time(profileStart, scenario));
      }
      return new Pacing.Profile(scenario.name(), scenario.timebase(), start, timeScale);
    }
    double r = rate == null ? 100 : rate;
    return switch (arrivals) {
      case CONSTANT -> new Pacing.Constant(r);
      case POISSON -> new Pacing.Poisson(r);
    };
  }

  private static Instant time(String text, Scenario scenario) {
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(text).atZone(scenario.zone()).toInstant();
      } catch (DateTimeParseException e2) {
        throw new BadInputException("--profile-start must be an ISO-8601 time, e.g. 2019-04-02T08:00: " + text);
      }
    }
  }

  private CallbackReceiver receiver() throws InterruptedException {
    try {
      return CallbackReceiver.bind(callbackBind, callbackPort);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private Path hlog() {
    OutputFiles.prepareDirectory(out);
    return out.resolve(LoadOutputs.HLOG);
  }

  private int report(LoadResult result, List<Slo.Verdict> verdicts) throws IOException {
    CommandOutput files = CommandOutput.in(out).addIf(true, d -> LoadOutputs.write(d, result, verdicts, !noReport))
        .json("summary.json");
    if (junit != null) {
      files.add(junit.toAbsolutePath().toString(), p -> JUnitXml.write(List.of(junitSuite(result, verdicts)), p));
    }
    files.writeThenPrint(spec.commandLine().getOut(), spec.commandLine().getErr(), common, format,
        w -> LoadConsole.print(result, verdicts, w));
    boolean breached = verdicts.stream().anyMatch(v -> !v.met());
    return breached || !result.outcomes().balanced() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK;
  }

  /** A testcase per SLO objective, and one for the accounting identity (every request accounted for). */
  static JUnitXml.Suite junitSuite(LoadResult result, List<Slo.Verdict> verdicts) {
    List<JUnitXml.TestCase> cases = new ArrayList<>();
    double wall = result.setup().durationSeconds();
    LoadResult.Outcomes o = result.outcomes();
    cases.add(new JUnitXml.TestCase("smsim.load.accounting", "requests = ok + errors + timeouts + in flight", wall,
        o.balanced() ? JUnitXml.Status.PASSED : JUnitXml.Status.FAILED, o.balanced() ? ""
            : "requests " + o.total() + " != ok " + o.ok() + " + errors " + o.errorCount() + " + timeouts "
                + o.timeouts() + " + in flight " + o.inFlight()));
    for (Slo.Verdict v : verdicts) {
      cases.add(new JUnitXml.TestCase("smsim.load.slo", v.objective(), wall,
          v.met() ? JUnitXml.Status.PASSED : JUnitXml.Status.FAILED, v.met() ? "" : v.breachLine()));
    }
    return new JUnitXml.Suite("smsim load " + result.setup().target(), Instant.now(), wall, cases);
  }
}
