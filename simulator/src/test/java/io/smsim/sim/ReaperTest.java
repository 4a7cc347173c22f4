package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.TimelineEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReaperTest {

  private static final String LEAK = "faults:\n  - {kind: leak, region: north, server: both, at: 2020-01-06T00:00:00Z, probability: 0.1}";
  private static final String GATEWAY = "processLimit: 2000\nserviceTime: {onDemand: 10ms}";

  private static RegionResult run(String reaper) {
    return Scenarios.north(Scenarios.run(Scenarios.north("2020-01-06T03:00:00Z", 10, GATEWAY, reaper, LEAK), 2));
  }

  @Test
  void aPeriodicReaperFasterThanExhaustionPreventsIt() {
    // ~1 leak/s fills 2,000 slots in ~33 min; a reaper every 15 min keeps the table below ~1,000
    RegionResult r = run("reaper: {period: 15m}");
    assertThat(r.attemptOutcomes().get("spawn_failed")).isZero();
    assertThat(r.peakProcesses()).isLessThan(1300);
    List<TimelineEvent> runs = r.events().stream().filter(e -> e.kind().key().equals("reaper")).toList();
    assertThat(runs).hasSize(12); // 00:15 .. 03:00
    assertThat(runs.get(0).at().toString()).isEqualTo("2020-01-06T00:15:00Z");
    long reaped = runs.stream().mapToLong(TimelineEvent::value).sum();
    assertThat(reaped).isEqualTo(r.reapedTotal()).isBetween((long) (0.9 * r.leakedTotal()), r.leakedTotal());
  }

  @Test
  void aThresholdReaperFiresWhenProcessesReachIt() {
    RegionResult r = run("reaper: {threshold: 500}");
    assertThat(r.attemptOutcomes().get("spawn_failed")).isZero();
    assertThat(r.peakProcesses()).isEqualTo(500);
    List<TimelineEvent> runs = r.events().stream().filter(e -> e.kind().key().equals("reaper")).toList();
    // ~10,800 leaks in 3 hours, ~500 at a time
    assertThat(runs.size()).isBetween(19, 23);
    assertThat(runs).allSatisfy(e -> assertThat(e.value()).isBetween(495L, 500L));
  }

  @Test
  void withoutAReaperTheTableFills() {
    RegionResult r = run("");
    assertThat(r.peakProcesses()).isEqualTo(2000);
    assertThat(r.attemptOutcomes().get("spawn_failed")).isPositive();
  }
}
