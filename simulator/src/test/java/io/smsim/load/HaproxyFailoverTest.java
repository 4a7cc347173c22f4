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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover bench against a real load balancer: HAProxy with active health checks (every 200 ms,
 * 3 failures to mark a server down, 2 successes to mark it up) in front of two {@code smsim serve}
 * JVMs, {@code primary} and {@code backup}, each naming itself in {@value Haproxy#HEADER}. Under
 * 50 requests/s the bench kills the primary with {@code kill -9} (its {@code --fault-cmd}, run
 * without a shell) 3 s in and starts it again on its port 5 s in (its {@code --restore-cmd}, with
 * {@code --shell}: it leaves the server running in the background).
 *
 * <p>HAProxy marks the primary down at the {@code fall}-th failed check after the kill, so the last
 * request routed to it is sent between {@code (fall - 1) × inter} and {@code fall × inter} after
 * the kill (the first failed check comes at a uniform phase within one interval); the backup takes
 * the next one. The ledger must be exact, and the requests lost are those the primary had
 * acknowledged and not yet answered when it died. After the restore, HAProxy sends traffic back to
 * the primary once {@code rise} checks pass.
 */
class HaproxyFailoverTest {

  private static final String SCENARIO = """
      name: haproxy-pair
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          processLimit: 5000
          serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
          deviceLatency: 150ms
        broker: {rtt: 10ms}
        workload:
          onDemand: {perDay: 1000, mix: {"4.1.1": 50, "2.2": 50}}
      regions: {north: {}, central: {}, south: {}}
      devices: {north: {count: 50}, central: {count: 50}, south: {count: 50}}
      """;

  private static final double RATE = 50;
  private static final long INTER_MS = 200;
  private static final int FALL = 3;
  private static final int RISE = 2;

  @Test
  void killingThePrimaryBehindHaproxyIsDetectedWithinInterTimesFallAndEveryRequestIsAccounted(@TempDir Path dir)
      throws Exception {
    assumeThat(Haproxy.installed()).as("HAProxy is not installed (Debian: apt-get install haproxy; .ci/run does)")
        .isTrue();
    Path scenarioFile = dir.resolve("pair.yaml");
    Files.writeString(scenarioFile, SCENARIO, StandardCharsets.UTF_8);
    Scenario scenario = ScenarioLoader.fromString("pair.yaml", SCENARIO);
    List<Long> pids = new ArrayList<>();
    Path restoredPid = dir.resolve("primary-restored.pid");
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      ServeLauncher.Launched starting = ServeLauncher.launch(dir.resolve("primary.log"),
          serveArgs(scenarioFile, 0, "primary", receiver.url()));
      pids.add(starting.process().pid());
      ServeLauncher.Launched backupStarting = ServeLauncher.launch(dir.resolve("backup.log"),
          serveArgs(scenarioFile, 0, "backup", receiver.url()));
      pids.add(backupStarting.process().pid());
      ServeLauncher.Started primary = starting.await();
      ServeLauncher.Started backup = backupStarting.await();
      try (Haproxy haproxy = Haproxy.start(dir, primary.port(), backup.port(), INTER_MS, FALL, RISE)) {
        // The restore starts the primary again on its port, in the background, and returns once it listens
        // (as systemctl start would): a shell command, so that it can leave the server running.
        List<String> serve = new ArrayList<>(ServeLauncher.javaCommand());
        serve.addAll(serveArgs(scenarioFile, primary.port(), "primary", receiver.url()));
        Path restoredLog = dir.resolve("primary-restored.log");
        String restore = quoted(serve) + " > '" + restoredLog + "' 2>&1 & echo $! > '" + restoredPid + "'; "
            + "until grep -q 'DUIS ' '" + restoredLog + "'; do kill -0 $(cat '" + restoredPid + "') || exit 1; "
            + "sleep 0.1; done";
        URI target = URI.create("http://127.0.0.1:" + haproxy.port);
        Traffic traffic = Traffic.fromScenario(scenario, Set.of(), null);
        ExternalBench.Plan plan = new ExternalBench.Plan(target, List.of(RATE), 1, seconds(16), seconds(3),
            seconds(5), BenchCommand.parse(BenchCommand.Role.FAULT, "kill -9 " + primary.pid(), false, seconds(10)),
            BenchCommand.parse(BenchCommand.Role.RESTORE, restore, true, seconds(60)), Haproxy.HEADER, 8, 1,
            seconds(4), TimeUnit.MILLISECONDS.toNanos(500), false, new RecoveryCriteria(0.98, 3, 2), 1,
            Slo.parseFailover("lost<=0"));
        // Both servers' JIT and connections warm, unmeasured, as a real pair would be.
        LoadRun.warmUp(plan.load(RATE, 99), traffic, receiver, seconds(3));
        List<ExternalBench.Outcome> outcomes = ExternalBench.run(plan, traffic, receiver, dir.resolve("bench"),
            line -> { });
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        ExternalOutputs.print(plan, outcomes, out);
        ExternalOutputs.write(dir.resolve("bench"), plan, outcomes);

        ExternalBench.Outcome o = outcomes.get(0);
        ExternalMeasures m = o.measures();
        ExternalMeasures.Phase before = m.phases().get(0);
        assumeThat(before.ok()).as("the experiment needs a pair that serves before the fault; on this machine only "
            + before.ok() + " of " + before.requests() + " succeeded (too loaded to measure a failover)")
            .isGreaterThanOrEqualTo(before.requests() * 9 / 10);
        assertThat(o.commands()).as("both commands ran and exited 0").allMatch(BenchCommand.Run::ok).hasSize(2);
        assertThat(m.exact(o.load())).as("every request ok, failed, timed out or lost, in every phase").isTrue();
        assertThat(o.load().outcomes().inFlight()).isZero();
        assertThat(o.load().accounting().duplicated()).isZero();

        assertThat(m.oldServer()).isEqualTo("primary");
        assertThat(m.newServer()).isEqualTo("backup");
        double inter = INTER_MS / 1000.0;
        assertThat(m.detection()).as("fault -> last request HAProxy routed to the primary: between (fall - 1) x inter"
            + " and fall x inter, plus HAProxy's scheduling on a loaded machine")
            .isBetween((FALL - 1) * inter - 0.05, FALL * inter + 0.6);
        assertThat(m.switchover()).as("-> first request the backup accepted").isBetween(0.0, 0.3);
        assertThat(m.onset()).as("the kill fails requests at once").isLessThan(0.2);
        assertThat(m.recovery()).isGreaterThanOrEqualTo(m.detection());

        List<LoadResult.Lost> lost = m.lostWithOldServer();
        assertThat(lost).as("the primary's pending final responses died with it").isNotEmpty()
            .isEqualTo(m.lost()).allMatch(l -> l.intendedSeconds() < m.faultAtSeconds());
        assertThat(o.load().accounting().lostIds()).hasSize(lost.size());
        assertThat(Files.readAllLines(o.dir().resolve("lost.txt"))).hasSize(lost.size());
        assertThat(o.slo()).singleElement().matches(v -> !v.met(), "lost<=0 is breached");
        assertThat(o.passed()).isFalse();

        assertThat(m.failback()).as("the restored primary serves again after rise checks").isNotNaN()
            .isGreaterThan((RISE - 1) * inter);
        assertThat(m.servers()).extracting(ExternalMeasures.ServerCount::name).contains("primary", "backup");
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

  private static List<String> serveArgs(Path scenario, int port, String name, URI responseUrl) {
    return List.of(scenario.toString(), "--port", Integer.toString(port), "--admin-port", "0", "--server-name", name,
        "--response-url", responseUrl.toString(), "--for", "5m");
  }

  /** The words single-quoted for {@link ShellWords} (none of them holds a single quote). */
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
