package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.metrics.RegionResult;
import io.smsim.scenario.ScenarioLoader;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/** Device alerts take a Gateway Scheduler child like requests, but are counted apart and not retried. */
class AlertsTest {

  private static RegionResult run(String extra) {
    String yaml = """
        name: alerts
        timeZone: UTC
        start: 2020-01-06T00:00:00Z
        end: 2020-01-06T02:00:00Z
        regions:
          north:
            gateway: {processLimit: 2000, serviceTime: {onDemand: 10ms, alerts: 10ms}, deviceLatency: 0s}
            broker: {rtt: 0s}
            workload:
              retries: {attempts: 3, backoff: 1s}
              onDemand: {perDay: 432000, mix: {"11.2": 1}}
              alerts: {perDay: 432000}
        %s
        """.formatted(extra);
    return Scenarios.north(Replay.run(ScenarioLoader.fromString("alerts.yaml", yaml), 1, 0, null));
  }

  @Test
  void alertsAreCountedApartFromServiceRequests() {
    RegionResult r = run("");
    // 5/s each for two hours
    assertThat((double) r.alerts().total()).isCloseTo(36_000, Percentage.withPercentage(3));
    assertThat((double) r.requests().total()).isCloseTo(36_000, Percentage.withPercentage(3));
    assertThat(r.byCategory()).doesNotContainKey("alert");
    assertThat(r.attempts().total()).isEqualTo(r.alerts().total() + r.requests().total());
    assertThat(r.latencyMs().count()).isEqualTo(r.requests().succeeded());
  }

  @Test
  void alertsFailOnAFullProcessTableAndAreNotRetried() {
    RegionResult r = run("faults:\n  - {kind: leak, region: north, server: primary, at: 2020-01-06T00:00:00Z, "
        + "probability: 0.1}");
    assertThat(r.alerts().failed()).isPositive();
    // requests are retried (up to 3 attempts), alerts are not: every failed alert is one failed attempt
    long failedAttempts = r.attempts().failed();
    long requestAttemptsFailed = failedAttempts - r.alerts().failed();
    assertThat(requestAttemptsFailed).isGreaterThan(2 * r.requests().failed());
  }

  @Test
  void alertsTakeNoSrvs() {
    assertThatThrownBy(() -> ScenarioLoader.fromString("a.yaml", """
        name: a
        start: 2020-01-06T00:00:00Z
        end: 2020-01-06T02:00:00Z
        regions: {north: {workload: {alerts: {perDay: 5, mix: {"2.2": 1}}}}}
        """)).hasMessage("a.yaml:4:55: regions.north.workload.alerts.mix: does not apply to alerts (they come from "
        + "devices, not SRVs)");
  }
}
