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
 * <p>Scaled for a test at time scale 10: 150 processes, leak ½, 100 North requests/s (300 in all), so
 * the table fills about 150 / (½ · 100) = 3 s after the fault; probes every 0.2 s, 2 failures to fail
 * over (0.4 s), switchover 0.4 s, restart downtime 0.2 s. Fault at 2 s, restart 4.5 s after it.
 */
class FailoverBenchTest {

  private static final String SCENARIO = """
      name: bench-drill
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          processLimit: 150
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
        List.of(300.0), BenchFault.parse("leak:north:primary,probability=0.5"), 10, seconds(2), millis(4500),
        seconds(10), 16, 1, seconds(2), millis(300), 0.98, 2, 2, 1, 1, List.of());
    List<FailoverBench.Outcome> outcomes = FailoverBench.run(plan, dir, line -> { });
    BenchMeasures hw = outcomes.get(0).measures();
    BenchMeasures hc = outcomes.get(1).measures();

    for (FailoverBench.Outcome o : outcomes) {
      assertThat(o.load().outcomes().balanced()).as(o.policy()).isTrue();
      assertThat(o.load().outcomes().inFlight()).isZero();
      assertThat(o.measures().lost()).as("acknowledged and never answered").isZero();
      assertThat(o.measures().duplicated()).isZero();
      assertThat(o.measures().onset()).as("the table fills ~3 s after the fault").isBetween(1.5, 4.5);
      assertThat(o.measures().baselineSuccess()).as("the scenario's own South fault was left out").isEqualTo(1.0);
    }
    assertThat(hw.failovers()).isZero();
    assertThat(hw.decision()).isNaN();
    assertThat(hw.resolvedBy()).isEqualTo("restart");
    assertThat(hw.restart()).isCloseTo(4.5, within(0.25));
    assertThat(hw.recovery()).as("failures until the restart").isBetween(hw.restart(), hw.restart() + 1.2);
    assertThat(hw.failedInEvent()).isGreaterThan(50);

    assertThat(hc.failovers()).isEqualTo(1);
    assertThat(hc.resolvedBy()).isEqualTo("failover");
    assertThat(hc.configuredDetect()).isCloseTo(0.4, within(1e-9));
    assertThat(hc.configuredSwitchover()).isCloseTo(0.4, within(1e-9));
    assertThat(hc.detect()).as("onset -> decision: 2 probes, 0.2 s apart, plus the probe phase")
        .isBetween(0.15, 0.4 + 0.2 + 0.25);
    assertThat(hc.switchover()).isCloseTo(0.4, within(0.15));
    assertThat(hc.withinConfigured()).isTrue();
    assertThat(hc.recovery()).as("recovered when the standby serves")
        .isCloseTo(hc.onset() + hc.detect() + hc.switchover(), within(0.6)).isLessThan(hw.recovery());
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
    assertThat(dir.resolve("health-check-300").resolve("results.hlog")).exists();
  }

  private static long seconds(long s) {
    return TimeUnit.SECONDS.toNanos(s);
  }

  private static long millis(long ms) {
    return TimeUnit.MILLISECONDS.toNanos(ms);
  }
}
