package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover bench against a real load balancer: HAProxy with active health checks (every 200 ms,
 * 3 failures to mark a server down, 2 successes to mark it up) in front of two {@code smsim serve}
 * JVMs, {@code primary} and {@code backup}, each naming itself in {@value Haproxy#HEADER}. Under a
 * low constant rate the bench kills the primary with {@code kill -9} (its {@code --fault-cmd}, run
 * without a shell) and later starts it again on its port (its {@code --restore-cmd}, with
 * {@code --shell}: it leaves the server running in the background and returns once it listens, as
 * {@code systemctl start} would).
 *
 * <p>What is asserted is what the bench must get right whatever the machine's load: an exact ledger
 * in every phase, the lost requests being the primary's pending final responses (acknowledged before
 * the kill returned), and detection, switchover and fail-back being measured and in order. HAProxy
 * marks the primary down at the {@code fall}-th failed check after the kill, so detection should lie
 * between {@code (fall - 1) × inter} and {@code fall × inter}; the test prints by how much the
 * measurement differs but only requires it to fall before the restore, since on a shared machine
 * HAProxy's checks and the load's sends are both late by the scheduler's delays. The run's timeline
 * follows the machine: the pair must first serve a steady baseline through HAProxy, and the run lasts
 * long enough after the restore for a JVM that starts as slowly as the first two did.
 */
class HaproxyFailoverTest {

  /** Device latency 1 s: about {@code RATE} final responses are always pending, so the kill loses some. */
  private static final String SCENARIO = """
      name: haproxy-pair
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          processLimit: 5000
          serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
          deviceLatency: 1s
        broker: {rtt: 10ms}
        workload:
          onDemand: {perDay: 1000, mix: {"4.1.1": 50, "2.2": 50}}
      regions: {north: {}, central: {}, south: {}}
      devices: {north: {count: 200}, central: {count: 200}, south: {count: 200}}
      """;

  private static final double RATE = 10;
  private static final long INTER_MS = 200;
  private static final int FALL = 3;
  private static final int RISE = 2;
  private static final long FAULT_AT = seconds(4);
  private static final long RESTORE_AT = seconds(9);

  @Test
  void killingThePrimaryBehindHaproxyIsDetectedSwitchedAndFailedBackWithEveryRequestAccounted(@TempDir Path dir)
      throws Exception {
    String missing = Haproxy.missing();
    assumeThat(missing).as(missing).isNull();
    Path scenarioFile = dir.resolve("pair.yaml");
    Files.writeString(scenarioFile, SCENARIO, StandardCharsets.UTF_8);
    Scenario scenario = ScenarioLoader.fromString("pair.yaml", SCENARIO);
    Traffic traffic = Traffic.fromScenario(scenario, Set.of(), null);
    List<Long> pids = new ArrayList<>();
    Path restoredPid = dir.resolve("primary-restored.pid");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      ServeLauncher.Launched primaryStarting = ServeLauncher.launch(dir.resolve("primary.log"),
          serveArgs(scenarioFile, 0, "primary", receiver.url()));
      pids.add(primaryStarting.process().pid());
      ServeLauncher.Launched backupStarting = ServeLauncher.launch(dir.resolve("backup.log"),
          serveArgs(scenarioFile, 0, "backup", receiver.url()));
      pids.add(backupStarting.process().pid());
      ServeLauncher.Started primary = primaryStarting.await();
      ServeLauncher.Started backup = backupStarting.await();
      long startup = Math.max(primary.startupNanos(), backup.startupNanos());
      try (Haproxy haproxy = Haproxy.start(dir, primary.port(), backup.port(), INTER_MS, FALL, RISE, seconds(60))) {
        URI target = URI.create("http://127.0.0.1:" + haproxy.port);
        ExternalBench.Plan plan = plan(target, primary, scenarioFile, receiver.url(), restoredPid, dir, startup);
        String baseline = steadyBaseline(plan, traffic, receiver);
        assumeThat(baseline).as("the experiment needs a pair that serves before the fault: " + baseline
            + " (this machine is too loaded to measure a failover)").isNull();
        List<ExternalBench.Outcome> outcomes = ExternalBench.run(plan, traffic, receiver, dir.resolve("bench"),
            line -> { });
        ExternalOutputs.print(plan, outcomes, out);
        ExternalOutputs.write(dir.resolve("bench"), plan, outcomes);

        ExternalBench.Outcome o = outcomes.get(0);
        ExternalMeasures m = o.measures();
        out.printf(Locale.ROOT, "HAProxy detection %.3f s against inter x fall = %.3f s (window %.3f-%.3f s): "
            + "%+.3f s; primary and backup JVMs took %.1f s to start%n", m.detection(), INTER_MS * FALL / 1000.0,
            INTER_MS * (FALL - 1) / 1000.0, INTER_MS * FALL / 1000.0, m.detection() - INTER_MS * FALL / 1000.0,
            startup / 1e9);

        assertThat(o.commands()).as("both commands ran and exited 0").hasSize(2).allMatch(BenchCommand.Run::ok);
        assertThat(m.exact(o.load())).as("every request ok, failed, timed out or lost, in every phase").isTrue();
        assertThat(m.phases()).extracting(ExternalMeasures.Phase::name).containsExactly("before", "during", "after");
        assertThat(o.load().outcomes().inFlight()).isZero();
        assertThat(o.load().accounting().duplicated()).as("a killed server answers nothing twice").isZero();
        assertThat(m.phases()).allMatch(p -> p.duplicated() == 0);

        double faultAt = m.faultAtSeconds();
        double restoreAfter = m.restoreAtSeconds() - faultAt;
        assertThat(m.oldServer()).isEqualTo("primary");
        assertThat(m.newServer()).isEqualTo("backup");
        assertThat(m.onset()).as("the kill fails requests (HAProxy's 503s for the dead primary)").isNotNaN();
        assertThat(m.detection()).as("HAProxy marked the primary down, and before the restore").isNotNaN()
            .isBetween(0.0, restoreAfter);
        assertThat(m.switchover()).as("the backup took over before the restore").isNotNaN()
            .isBetween(0.0, restoreAfter - m.detection());
        assertThat(m.failback()).as("the restored primary serves again once HAProxy's rise checks pass").isNotNaN()
            .isPositive();
        assertThat(m.servers()).extracting(ExternalMeasures.ServerCount::name).contains("primary", "backup");

        double killed = o.fault().endSeconds();
        List<LoadResult.Lost> lost = m.lostWithOldServer();
        assertThat(lost).as("the primary's pending final responses died with it").isNotEmpty()
            .isEqualTo(m.lost()).allMatch(l -> l.intendedSeconds() < killed, "sent before the kill returned");
        assertThat(m.phases().stream().mapToLong(ExternalMeasures.Phase::lost).sum()).isEqualTo(lost.size());
        assertThat(o.load().accounting().lostIds()).hasSize(lost.size());
        assertThat(Files.readAllLines(o.dir().resolve("lost.txt"))).hasSize(lost.size());
        assertThat(o.slo()).singleElement().matches(v -> !v.met(), "lost<=0 is breached");
        assertThat(o.passed()).isFalse();
        assertThat(dir.resolve("bench").resolve("bench.json")).exists();
        assertThat(dir.resolve("bench").resolve("report.html")).exists();
      }
    } finally {
      if (Files.exists(restoredPid)) {
        pids.add(Long.parseLong(Files.readString(restoredPid).trim()));
      }
      for (long pid : pids) {
        ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  /**
   * Kill the primary at 4 s without a shell; at 9 s start it again on its port with a shell that
   * leaves it running and returns once it listens; the run lasts long enough after that for a JVM
   * as slow to start as the first ones (three times their start-up, at least 15 s).
   */
  private static ExternalBench.Plan plan(URI target, ServeLauncher.Started primary, Path scenarioFile,
      URI responseUrl, Path restoredPid, Path dir, long startupNanos) {
    List<String> serve = new ArrayList<>(ServeLauncher.javaCommand());
    serve.addAll(serveArgs(scenarioFile, primary.port(), "primary", responseUrl));
    Path restoredLog = dir.resolve("primary-restored.log");
    String restore = quoted(serve) + " > '" + restoredLog + "' 2>&1 & echo $! > '" + restoredPid + "'; "
        + "until grep -q 'DUIS ' '" + restoredLog + "'; do kill -0 $(cat '" + restoredPid + "') || exit 1; "
        + "sleep 0.1; done";
    long duration = RESTORE_AT + Math.max(seconds(15), 3 * startupNanos);
    return new ExternalBench.Plan(target, List.of(RATE), 1, duration, FAULT_AT, RESTORE_AT,
        BenchCommand.parse(BenchCommand.Role.FAULT, "kill -9 " + primary.pid(), false, seconds(10)),
        BenchCommand.parse(BenchCommand.Role.RESTORE, restore, true, seconds(120)), Haproxy.HEADER, 8, 1,
        seconds(10), seconds(2), false, new RecoveryCriteria(0.98, 3, 2), 1, Slo.parseFailover("lost<=0"));
  }

  /**
   * Drives the bench's rate through HAProxy in 3-second runs until one succeeds at least 95% (the
   * primary's JIT and connections warm, as a serving primary's are; the backup stays as cold as a
   * standby that has served nothing); returns {@code null} then, or what the last try got when two
   * minutes were not enough.
   */
  private static String steadyBaseline(ExternalBench.Plan plan, Traffic traffic, CallbackReceiver receiver)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    String last = "no try";
    for (int i = 1; System.nanoTime() < deadline; i++) {
      LoadOptions o = plan.load(RATE, 0).withDuration(seconds(3)).withTimeouts(seconds(10), 0)
          .withIdentity(LoadOptions.DEFAULT_ORIGINATOR, plan.load(RATE, 0).counterBase() + ((long) i << 40), i);
      LoadResult r = LoadRun.run(o, traffic, receiver, null, null, c -> { });
      if (r.outcomes().ok() >= r.outcomes().total() * 95 / 100 && r.outcomes().total() > 0) {
        return null;
      }
      last = r.outcomes().ok() + " of " + r.outcomes().total() + " succeeded in 3 s at " + RATE + "/s (try " + i + ")";
    }
    return last;
  }

  private static List<String> serveArgs(Path scenario, int port, String name, URI responseUrl) {
    return List.of(scenario.toString(), "--port", Integer.toString(port), "--admin-port", "0", "--server-name", name,
        "--response-url", responseUrl.toString(), "--for", "10m");
  }

  /** The words single-quoted for {@code /bin/sh} (none of them holds a single quote). */
  private static String quoted(List<String> words) {
    StringBuilder b = new StringBuilder();
    for (String w : words) {
      assertThat(w).doesNotContain("'");
      b.append(b.length() == 0 ? "" : " ").append('\'').append(w).append('\'');
    }
    return b.toString();
  }

  private static long seconds(long s) {
    return TimeUnit.SECONDS.toNanos(s);
  }
}
