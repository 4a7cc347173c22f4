package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed incident as a live drill (DCC Major Incident Review INC00000440855): CSP North's
 * primary Gateway Scheduler leaks children under load until its process table is full. Under
 * {@code hardware-only} nothing fails over and North fails until the scripted restart; under
 * {@code health-check} the controller fails over within the configured detection
 * ({@code interval × failureThreshold}) plus switchover, long before the restart.
 *
 * <p>Scaled for a test at time scale 10: 30 processes, leak ½, 20 North requests/s (60 in all: a rate
 * a loaded two-core machine sustains beside the emulation it drives in the same JVM; at 300/s under a
 * load average of 20 the generator fell 12 s behind its schedule, and requests meant for before the
 * fault reached a full table), so the table fills about 30 / (½ · 20) = 3 s after the fault; probes every 0.2 s, 2 failures to fail
 * over (0.4 s), switchover 0.4 s, restart downtime 0.2 s. Fault at 2 s, restart 4.5 s after it.
 *
 * <p>Recovered: a 2 s window succeeding at 0.9 of the baseline with a p99 at most 4 times the baseline's
 * (at 20 North requests a second a window holds 40 requests, so 0.98 would allow no failure at all, and
 * the baseline p99 is the slowest of about 20 requests).
 *
 * <p>What a drill measures is real time, so the upper bounds add to their configured value the
 * delay the machine showed during that very run (the generator's latest send, measured against its
 * schedule); a lower bound or an ordering takes that delay only where a late send or a late timer
 * moves a client's time against a server's (each says how), and the others take none. {@code detect}
 * (onset → decision) has no lower bound: the synthetic probe needs a free slot in the table as a
 * spawn does, so it can find the table full, its last slots held by requests in service, before any
 * request is refused (one run in eight here decides 0.1 s after the onset, from a first failed probe
 * before it). The controller's own rule, {@code failureThreshold} consecutive failures, is tested
 * in virtual time by {@code io.smsim.sim.FailoverTest}. The response
 * timeout is long because the run ends once every request has its outcome: on a loaded machine a
 * slow answer is still an answer.
 */
class FailoverBenchTest {

  private static final String SCENARIO = """
      name: bench-drill
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          processLimit: 30
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: 400ms
        failover: {policy: hardware-only, interval: 2s, failureThreshold: 2, switchover: 4s}
        operator: {restartDowntime: 2s}
        broker: {rtt: 20ms}
        workload:
          onDemand: {perDay: 1000, mix: {"4.1.1": 100}}
      regions: {north: {}, central: {}, south: {}}
      devices: {north: {count: 100}, central: {count: 100}, south: {count: 100}}
      faults:
        - {kind: hardware-failure, region: south, server: primary, at: 2019-04-02T10:00}
      """;

  @Test
  void hardwareOnlyFailsUntilTheRestartAndHealthCheckFailsOverWithinItsConfiguration(@TempDir Path dir)
      throws Exception {
    Scenario scenario = ScenarioLoader.fromString("bench-drill.yaml", SCENARIO);
    FailoverBench.Plan plan = new FailoverBench.Plan(scenario, List.of("hardware-only", "health-check"),
        List.of(60.0), BenchFault.parse("leak:north:primary,probability=0.5"), 10, seconds(2), millis(4500),
        seconds(10), 16, 1, seconds(30), millis(300), 0.9, 4, 2, 1, 1, List.of());
    List<FailoverBench.Outcome> outcomes = FailoverBench.run(plan, dir, line -> { });
    BenchMeasures hw = outcomes.get(0).measures();
    BenchMeasures hc = outcomes.get(1).measures();

    for (FailoverBench.Outcome o : outcomes) {
      assertThat(o.load().outcomes().balanced()).as(o.policy()).isTrue();
      assertThat(o.load().outcomes().inFlight()).isZero();
      assertThat(o.measures().lost()).as("acknowledged and never answered").isZero();
      assertThat(o.measures().duplicated()).isZero();
      // requests sent late (meant for before the fault) reach the leaking server after it and fill the table sooner
      assertThat(o.measures().onset()).as("the table fills ~3 s after the fault").isBetween(1.5 - late(o), 4.5 + late(o));
      assertThat(o.measures().baselineSuccess()).as("the scenario's own South fault was left out").isEqualTo(1.0);
    }
    FailoverBench.Outcome hwRun = outcomes.get(0);
    FailoverBench.Outcome hcRun = outcomes.get(1);
    assertThat(hw.failovers()).isZero();
    assertThat(hw.decision()).isNaN();
    assertThat(hw.resolvedBy()).isEqualTo("restart");
    // the restart is due 6.5 s after the start, the fault 2 s after it: a late fault timer shortens the interval
    assertThat(hw.restart()).isBetween(4.5 - 0.25 - (hw.faultAtSeconds() - 2.0), 4.5 + 0.25 + late(hwRun));
    // recovery is placed by intended send times: a late generator's request meant before the restart meets its downtime
    assertThat(hw.recovery()).as("failures until the restart")
        .isBetween(hw.restart() - late(hwRun), hw.restart() + 1.2 + late(hwRun));
    assertThat(hw.failedInEvent()).isGreaterThan(15);

    assertThat(hc.failovers()).isEqualTo(1);
    assertThat(hc.resolvedBy()).isEqualTo("failover");
    assertThat(hc.configuredDetect()).isCloseTo(0.4, within(1e-9));
    assertThat(hc.configuredSwitchover()).isCloseTo(0.4, within(1e-9));
    assertThat(hc.decision()).as("fault -> decision: the table has to fill before a probe can fail")
        .isGreaterThan(1.0 - late(hcRun));
    assertThat(hc.detect()).as("onset -> decision: 2 probes, 0.2 s apart, plus the probe phase")
        .isLessThanOrEqualTo(0.4 + 0.2 + 0.25 + late(hcRun));
    assertThat(hc.switchover()).isBetween(0.4 - 0.15, 0.4 + 0.15 + late(hcRun));
    assertThat(hc.withinConfigured()).as("the verdict follows the measures (0.25 s allowed past each)")
        .isEqualTo(hc.detect() <= 0.4 + 0.2 + 0.25 && hc.switchover() <= 0.4 + 0.25);
    assertThat(hc.recovery()).as("recovered when the standby serves")
        .isCloseTo(hc.onset() + hc.detect() + hc.switchover(), within(0.6 + late(hcRun)))
        .isLessThan(hw.recovery());
    assertThat(hc.failedInEvent()).isGreaterThan(0).isLessThan(hw.failedInEvent());

    StringWriter table = new StringWriter();
    BenchOutputs.printTable(plan, outcomes, new PrintWriter(table));
    assertThat(table.toString()).contains("policy").contains("hardware-only").contains("health-check")
        .contains("restart").contains("failover");
    BenchOutputs.write(dir, plan, outcomes);
    JsonNode bench = new ObjectMapper().readTree(dir.resolve("bench.json").toFile());
    assertThat(bench.at("/runs/0/policy").asText()).isEqualTo("hardware-only");
    assertThat(bench.at("/runs/0/decisionSeconds").isNull()).isTrue();
    assertThat(bench.at("/runs/1/withinConfigured").asBoolean()).isTrue();
    assertThat(bench.at("/runs/1/load/requests/balanced").asBoolean()).isTrue();
    assertThat(dir.resolve("report.html")).exists();
    assertThat(dir.resolve("health-check-60").resolve("results.hlog")).exists();
  }

  /**
   * How late, in seconds, the run's generator sent its latest request against its schedule: the delay
   * this machine showed during the run (the same kind of timers drive the fault, the probes and the restart).
   */
  private static double late(FailoverBench.Outcome o) {
    return o.load().sends().maxLatenessMs() / 1000;
  }

  private static long seconds(long s) {
    return TimeUnit.SECONDS.toNanos(s);
  }

  private static long millis(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }
}
