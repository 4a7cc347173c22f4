package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.TimelineEvent;
import io.smsim.model.EventKind;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Health-check failover and the operator's restart after detection, together (issue 14): the
 * operator restarts the server that failed, not the one that has just taken over, so the run
 * settles once the fault ends. Restarting the server that took over failed it in turn, failed over
 * again and raised a new incident and a new restart every 9 minutes until the end of the run.
 */
class OperatorRestartAfterFailoverTest {

  private static final String YAML = """
      name: settle
      timeZone: UTC
      start: 2020-01-06T06:00
      end: 2020-01-06T20:00
      reporting: {interval: 15m, minAttempts: 20, mergeGap: 2m}
      regions:
        north:
          gateway: {processLimit: 2000, serviceTime: {onDemand: 300ms, install: 800ms}, deviceLatency: 2s}
          failover: {policy: health-check, probe: synthetic, interval: 15s, failureThreshold: 3, switchover: 1m}
          monitoring: {rule: failure-ratio, window: 5m, threshold: 0.1, minAttempts: 20}
          operator: {restartAfterDetection: 8m, restartDowntime: 2m, repairTime: 30m}
          workload:
            onDemand: {perDay: 800000, mix: {"4.1.1": 1}}
            install: {perDay: 5000, journey: ["8.14.1", "8.11", "8.1.1"], thinkTime: 2m}
      faults:
        - {kind: leak, region: north, server: both, at: 2020-01-06T09:00, until: 2020-01-06T10:30, probability: 0.1}
      """;
  private static final Instant FAULT_END = Instant.parse("2020-01-06T10:30:00Z");

  @Test
  void theOperatorRestartsTheServerThatFailedAndTheRunSettlesWhenTheLeakEnds() {
    Scenario s = ScenarioLoader.fromString("settle.yaml", YAML);
    for (long seed = 1; seed <= 5; seed++) {
      RegionResult north = Replay.run(s, seed, 0, null).regions().get(0);
      List<TimelineEvent> events = north.events();
      assertThat(events).as("seed %d: a failover happened", seed).anyMatch(e -> e.kind() == EventKind.FAILOVER);

      String active = "primary";
      for (TimelineEvent e : events) {
        if (e.kind() == EventKind.FAILOVER) {
          active = e.detail().substring(e.detail().indexOf("-> ") + 3);
        }
        if (e.kind() == EventKind.RESTART && e.detail().startsWith("operator policy")) {
          assertThat(e.server()).as("seed %d: restart at %s hits the server that failed", seed, e.at())
              .isNotEqualTo(active);
        }
      }
      assertThat(events).as("seed %d: nothing happens once the leak is over", seed)
          .filteredOn(e -> e.at().isAfter(FAULT_END))
          .noneMatch(e -> e.kind() == EventKind.ALERT || e.kind() == EventKind.FAILOVER
              || e.kind() == EventKind.RESTART);
      assertThat(north.incidents()).as("seed %d: every incident ends by the leak's end", seed)
          .allSatisfy(i -> assertThat(i.end()).isNotNull().isBeforeOrEqualTo(FAULT_END));
    }
  }
}
