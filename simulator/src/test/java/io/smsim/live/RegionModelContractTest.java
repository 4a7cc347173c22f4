package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.TimelineEvent;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import io.smsim.sim.Replay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One model, two clocks: one timeline played by the replay (virtual time, the event queue) and by
 * {@code serve} (real time, the region's event loop and real HTTP probes) gives the same sequence of
 * (kind, server, virtual time) events. The timeline exercises every fault kind, every operation,
 * overlapping faults of one kind, probe-driven and manual failovers, repairs and a skipped restart;
 * several fall on the same instant as a probe, so the order of ties is compared too.
 */
class RegionModelContractTest {

  private static final String YAML = """
      name: contract
      start: 2020-01-06T00:00
      end: 2020-01-06T03:00
      timeZone: UTC
      seed: 11
      defaults:
        failover: {policy: health-check, probe: synthetic, interval: 1m, failureThreshold: 2, switchover: 2m}
        operator: {restartDowntime: 5m, repairTime: 10m}
      regions:
        north: {}
      faults:
        - {kind: leak, region: north, server: primary, at: 2020-01-06T00:05, until: 2020-01-06T00:40, probability: 0.5}
        - {kind: leak, region: north, server: both, at: 2020-01-06T00:10, until: 2020-01-06T00:20, probability: 0.1}
        - {kind: broker-rtt, region: north, at: 2020-01-06T00:15, until: 2020-01-06T00:25, add: 200ms}
        - {kind: wan-outage, region: north, at: 2020-01-06T00:20, until: 2020-01-06T00:30}
        - {kind: reaper-outage, region: north, at: 2020-01-06T00:25, until: 2020-01-06T00:35}
        - {kind: gray-failure, region: north, server: primary, at: 2020-01-06T00:45, until: 2020-01-06T01:00, failureProbability: 1.0}
        - {kind: gray-failure, region: north, server: primary, at: 2020-01-06T00:45:30, until: 2020-01-06T00:50, failureProbability: 0.0, slowdown: 2}
        - {kind: hardware-failure, region: north, server: secondary, at: 2020-01-06T01:10, until: 2020-01-06T01:30}
        - {kind: hardware-failure, region: north, server: primary, at: 2020-01-06T01:40, until: 2020-01-06T02:10}
      operations:
        - {action: set-reaper, region: north, at: 2020-01-06T00:12, period: 30m, threshold: 100}
        - {action: failover, region: north, at: 2020-01-06T01:05}
        - {action: restart, region: north, server: secondary, at: 2020-01-06T01:15}
        - {action: restart, region: north, server: primary, at: 2020-01-06T01:20}
        - {action: restart, region: north, server: active, at: 2020-01-06T02:20}
      """;
  private static final Instant START = Instant.parse("2020-01-06T00:00:00Z");
  private static final Instant END = Instant.parse("2020-01-06T03:00:00Z");
  private static final String LAST = "back-up secondary +02:25:00";

  private static String line(String kind, String server, Instant at) {
    long s = at.getEpochSecond() - START.getEpochSecond();
    return String.format("%s %s +%02d:%02d:%02d%s", kind, server, s / 3600, s / 60 % 60, s % 60,
        at.getNano() == 0 ? "" : "." + at.getNano());
  }

  @Test
  void theReplayAndServePlayTheSameTimelineEventForEventAtTheSameVirtualTimes() throws Exception {
    Scenario scenario = ScenarioLoader.fromString("contract.yaml", YAML);
    RegionResult north = Replay.run(scenario, scenario.seed(), 0, null).regions().get(0);
    List<String> replayed = north.events().stream().map(e -> line(e.kind().key(), e.server(), e.at())).toList();

    // The overlap rule is visible: the weaker gray failure at 00:45:30 does not heal the primary, so the
    // probes at 00:45 (the fault started first at that instant) and 00:46 fail: failover at 00:46.
    assertThat(replayed).contains("failover primary +00:46:00", "restart-skipped secondary +01:15:00",
        "failover primary +01:41:00", "back-up primary +02:10:00", LAST);
    assertThat(north.events().stream().map(TimelineEvent::kind).distinct().count()).isGreaterThanOrEqualTo(8);

    List<String> served;
    try (LiveFixture live = LiveFixture.start(YAML, 1800)) {
      await("serve reaches 02:25 virtual").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
          .until(() -> live.log().contains("back-up secondary") && liveLines(live).stream().anyMatch(LAST::equals));
      served = liveLines(live);
    }
    assertThat(served).containsExactlyElementsOf(replayed);
  }

  private static List<String> liveLines(LiveFixture live) {
    return live.emulator.events().stream().filter(e -> e.region().equals("north"))
        .filter(e -> Instant.parse(e.at()).isBefore(END))
        .map(e -> line(e.kind(), e.server(), Instant.parse(e.at()))).toList();
  }
}
