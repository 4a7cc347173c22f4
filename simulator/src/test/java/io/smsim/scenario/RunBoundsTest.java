package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.smsim.metrics.RunResult;
import io.smsim.sim.Replay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** "validate ok => replay runs": what the clock cannot hold and what would explode the event count is refused. */
class RunBoundsTest {

  private static List<String> problems(String yaml) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.fromString("s.yaml", yaml));
    assertThat(e).as("expected the scenario to be rejected").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static String scenario(String end, String region) {
    return """
        name: bounds
        timeZone: UTC
        start: 2019-04-01T00:00Z
        end: %s
        regions:
          north:
        %s""".formatted(end, region.indent(4));
  }

  @Test
  void aRunLongerThanTheClockHoldsIsRefusedAtEnd() {
    assertThat(problems(scenario("3019-04-01T00:00Z", ""))).containsExactly(
        "s.yaml:4:6: end: the run would last 1,000 years; the virtual clock (nanoseconds in a 64-bit integer) "
            + "holds at most 100 years");
  }

  @Test
  void aDurationLongerThanTheClockHoldsIsRefused() {
    assertThat(problems(scenario("2019-04-02T00:00Z", "gateway: {responseTimeout: 40000d}"))).containsExactly(
        "s.yaml:7:32: regions.north.gateway.responseTimeout: must be at most 100 years (the virtual clock's "
            + "range): 40000d");
    assertThat(problems(scenario("2019-04-02T00:00Z", "gateway: {responseTimeout: PT9999999999999H}")))
        .containsExactly("s.yaml:7:32: regions.north.gateway.responseTimeout: must be at most 100 years (the "
            + "virtual clock's range): PT9999999999999H");
  }

  @Test
  void aNanosecondProbeIntervalIsRefusedNamingTheFigureAndTheBound() {
    assertThat(problems(scenario("2019-04-05T00:00Z", "failover: {interval: PT0.000000001S}"))).containsExactly(
        "s.yaml:7:26: regions.north.failover.interval: 1ns gives 3.5e14 probes over the run (4d), more than the "
            + "bound of 1,000,000,000 events per periodic source; use at least 346us");
  }

  @Test
  void aReaperPeriodInheritedFromDefaultsIsRefusedWhereItWasWritten() {
    String yaml = """
        name: bounds
        timeZone: UTC
        start: 2019-04-01T00:00Z
        end: 2019-05-01T00:00Z
        defaults:
          reaper: {period: 1us}
        regions: {north: {}, south: {}}
        """;
    assertThat(problems(yaml)).containsExactly("s.yaml:6:20: defaults.reaper.period: 1us gives 2.6e12 reaper runs "
        + "over the run (30d), more than the bound of 1,000,000,000 events per periodic source; use at least 2.59ms");
  }

  @Test
  void aWorkloadOfMoreMessagesThanTheBoundIsRefused() {
    String yaml = scenario("2119-04-01T00:00Z", "workload:\n  onDemand: {perDay: 1e12, mix: {\"4.1.1\": 1}}")
        + "workloadScale: 1000\n";
    assertThat(problems(yaml)).containsExactly("s.yaml:9:16: workloadScale: the workload gives about 3.7e19 "
        + "messages over the run (36524d, workloadScale included), more than the bound of 1.0e11 per run: shorten "
        + "the run or lower the volume");
  }

  @Test
  void farTailDelaysDoNotOverflowTheClock() {
    Scenario s = ScenarioLoader.fromString("s.yaml", scenario("2019-04-01T01:00Z", """
        gateway:
          serviceTime: {onDemand: {dist: exponential, mean: 36500d}}
          deviceLatency: {dist: lognormal, median: 36500d, sigma: 5}
          responseTimeout: 36500d
        workload:
          onDemand: {perDay: 100000, mix: {"4.1.1": 1}}
        """) + """
        faults:
          - {kind: gray-failure, region: north, at: 2019-04-01T00:10Z, slowdown: 1e6}
        """);
    RunResult r = Replay.run(s, 1, 0, null);
    assertThat(r.events()).isPositive();
  }
}
