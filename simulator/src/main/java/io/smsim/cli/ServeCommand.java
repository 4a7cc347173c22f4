package io.smsim.cli;

import io.smsim.live.LiveBounds;
import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.live.NettyTransport;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.scenario.DurationGrammar;
import io.smsim.scenario.Problem;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioException;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim serve}: the live DSP and CSP emulation of a scenario on loopback ports, until
 * interrupted (or for {@code --for} real time).
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Serve a scenario live: a DUIS endpoint (DCC Boxed's /api/v1/serviceS|D|T) in front of "
        + "regional primary/secondary gateways that leak, exhaust, fail over and take faults on command.")
final class ServeCommand implements Callable<Integer> {

  /** How long a stopping server waits for accepted requests to get their final response. */
  static final long DRAIN_MILLIS = 10_000;
  private static final String BUILT_IN_NAME = "dcc-boxed-default";

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
      description = "Scenario YAML file (default: the built-in healthy network of three regions, with DCC Boxed's "
          + "reference devices, as DCC Boxed simply runs).")
  Path scenarioFile;

  @Option(names = "--port", paramLabel = "P", description = "DUIS port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int port = 8080;

  @Option(names = "--admin-port", paramLabel = "A",
      description = "Admin and metrics port (default ${DEFAULT-VALUE}; 0 = any free port).")
  int adminPort = 8081;

  @Option(names = "--response-url", paramLabel = "URL",
      description = "Where final DUIS responses are POSTed, e.g. http://127.0.0.1:9000/responses.")
  String responseUrl;

  @Option(names = "--time-scale", paramLabel = "K",
      description = "Virtual seconds per real second (default ${DEFAULT-VALUE}); 60 plays an hour in a minute.")
  double timeScale = 1;

  @Option(names = "--bind", paramLabel = "ADDR",
      description = "Address of the DUIS port (default ${DEFAULT-VALUE}); gateways stay on loopback.")
  String bind = LiveOptions.LOOPBACK;

  @Option(names = "--admin-bind", paramLabel = "ADDR",
      description = "Address of the admin and metrics port (default ${DEFAULT-VALUE}); off loopback every admin "
          + "request needs the token printed at start.")
  String adminBind = LiveOptions.LOOPBACK;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's seed).")
  Long seed;

  @Option(names = "--max-body", paramLabel = "BYTES", description = "Largest request body (default ${DEFAULT-VALUE}).")
  int maxBody = 1 << 20;

  @Option(names = "--max-in-flight", paramLabel = "N",
      description = "Accepted requests without a final response before shedding (default ${DEFAULT-VALUE}).")
  int maxInFlight = 20_000;

  @Option(names = "--server-name", paramLabel = "NAME",
      description = "Name this instance in an " + LiveOptions.SERVER_HEADER + " header on every DUIS answer "
          + "(for a load balancer's failover: smsim failover-bench --server-header).")
  String serverName;

  @Option(names = "--for", paramLabel = "DURATION",
      description = "Stop after this much real time, e.g. 90s, 5m, 1h30m or PT1H; default: until interrupted.")
  Duration runFor;

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  CommonOptions common;

  @Mixin
  SignatureOptions signatureOptions = new SignatureOptions();

  @Override
  public Integer call() throws InterruptedException {
    Scenario scenario = scenarioFile == null ? ScenarioFile.builtInDefault(scenarioOptions.overrides).scenario()
        : ScenarioLoader.load(scenarioFile, scenarioOptions.overrides);
    LiveOptions options = options(scenario);
    List<Problem> flood = LiveBounds.problems(scenario, options.timeScale());
    if (!flood.isEmpty()) {
      throw new ScenarioException(flood);
    }
    try {
      LiveEmulator.checkLiveBounds(scenario, options);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    long horizonNanos = LiveBounds.horizonRealNanos(options.timeScale());
    if (runFor != null && runFor.toNanos() > horizonNanos) {
      throw new BadInputException("--for " + DurationGrammar.format(runFor.toNanos()) + " at --time-scale "
          + fmt(options.timeScale()) + " would take the virtual clock past its range (" + LiveBounds.CLOCK_RANGE
          + " after the scenario start); at this time scale --for may be at most "
          + DurationGrammar.format(horizonNanos));
    }
    long runNanos = runFor == null ? horizonNanos : runFor.toNanos();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    LiveEmulator emulator;
    try {
      emulator = LiveEmulator.start(scenario, options, line -> {
        err.println(line);
        err.flush();
      });
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
      if (NettyTransport.isAddressInUse(e)) {
        throw new BadInputException("cannot listen on " + bind + ":" + port + " and " + adminBind + ":" + adminPort + ": "
            + e.getMessage());
      }
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      stop(emulator, out, "stopped");
      stopped.countDown();
    }, "smsim-serve-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    printBanner(out, scenario, options, emulator);
    if (!stopped.await(runNanos, TimeUnit.NANOSECONDS)) {
      Runtime.getRuntime().removeShutdownHook(hook);
      stop(emulator, out, runFor != null ? "stopped after " + DurationGrammar.format(runFor.toNanos())
          : "stopped: the virtual clock reached the end of its range (" + LiveBounds.CLOCK_RANGE
              + " after the scenario start)");
    }
    return Main.EXIT_OK;
  }

  /**
   * Stops taking requests, lets the accepted ones finish (up to {@value #DRAIN_MILLIS} ms), prints
   * what became of them and closes everything: on SIGTERM or Ctrl-C (the shutdown hook) and after
   * {@code --for}.
   */
  private static void stop(LiveEmulator emulator, PrintWriter out, String why) {
    try {
      LiveEmulator.Summary s = emulator.drain(DRAIN_MILLIS);
      out.println(why + ": " + s);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      out.println(why + ": " + emulator.summary());
    } finally {
      out.flush();
      emulator.close();
    }
  }

  private LiveOptions options(Scenario scenario) {
    URI url = null;
    if (responseUrl != null) {
      try {
        url = new URI(responseUrl);
      } catch (URISyntaxException e) {
        throw new BadInputException("--response-url is not a URL: " + responseUrl);
      }
    }
    try {
      return LiveOptions.defaults(seed == null ? scenario.seed() : seed).withHost(bind).withAdminHost(adminBind)
          .withPorts(port, adminPort).withResponseUrl(url).withTimeScale(timeScale)
          .withLimits(maxBody, 10_000, 60_000, maxInFlight)
          .withSignatures(signatureOptions.signatures(Clock.systemUTC())).withServerName(serverName);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
  }

  private static void printBanner(PrintWriter out, Scenario scenario, LiveOptions options, LiveEmulator e) {
    String host = options.host();
    out.printf("smsim serve %s%s · seed %d · time scale %s (1 real second = %s virtual)%n", scenario.name(),
        scenario.name().equals(BUILT_IN_NAME) ? " (built-in network)" : "",
        options.seed(), fmt(options.timeScale()), Duration.ofMillis((long) (1000 * options.timeScale())));
    out.printf("  DUIS     http://%s:%d/api/v1/serviceS | serviceD | serviceT%n", host, e.dspPort());
    out.printf("  admin    http://%s:%d/admin/status · /admin/faults · /admin/restart · /metrics%n",
        options.adminHost(), e.adminPort());
    if (e.adminToken() != null) {
      out.printf("  admin token %s (send Authorization: Bearer TOKEN: the admin port is not on loopback)%n",
          e.adminToken());
    }
    if (options.serverName() != null) {
      out.printf("  name     %s: %s on every answer%n", options.serverName(), LiveOptions.SERVER_HEADER);
    }
    out.printf("  responses %s%n", options.responseUrl() == null ? "not delivered (no --response-url)"
        : "POSTed to " + options.responseUrl());
    out.printf("  signatures %s%n", options.signatures().describeVerification("requests"));
    out.printf("             %s%n", options.signatures().describeSigning("final responses"));
    for (Region r : scenario.regions().keySet()) {
      out.printf("  %-8s primary 127.0.0.1:%d · secondary 127.0.0.1:%d · %d devices%n", r.key(),
          e.gatewayPort(r, ServerRole.PRIMARY), e.gatewayPort(r, ServerRole.SECONDARY), scenario.devices().count(r));
    }
    out.println("Ctrl-C stops.");
    out.flush();
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
