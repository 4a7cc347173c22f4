package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.Failover;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Both failover policies of the model (ARCHITECTURE.md) against hardware failure and against process-table exhaustion. */
class FailoverTest {

  private static final String LEAK = "faults:\n  - {kind: leak, region: north, server: both, at: 2020-01-06T00:00:00Z, probability: 0.1}";
  private static final String GATEWAY = "processLimit: 2000\nserviceTime: {onDemand: 10ms}";

  private static RegionResult run(String failover, String faults) {
    return Scenarios.north(Scenarios.run(Scenarios.north("2020-01-06T01:00:00Z", 10, GATEWAY,
        "failover: " + failover, faults), 1));
  }

  private static Instant limitReached(RegionResult r) {
    return r.events().stream().filter(e -> e.kind().key().equals("process-limit-reached")).map(TimelineEvent::at)
        .findFirst().orElseThrow();
  }

  @Test
  void hardwareOnlyFailsOverWhenTheHeartbeatIsLost() {
    RegionResult r = run("{policy: hardware-only, interval: 10s, failureThreshold: 3, switchover: 30s}",
        "faults:\n  - {kind: hardware-failure, region: north, server: primary, at: 2020-01-06T00:20:00Z}");
    assertThat(r.failovers()).hasSize(1);
    Failover f = r.failovers().get(0);
    Instant failure = Instant.parse("2020-01-06T00:20:00Z");
    // three missed heartbeats 10 s apart: detection between 20 s and 30 s after the failure
    assertThat(Duration.between(failure, f.at())).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
    assertThat(Duration.between(f.at(), f.servingAt())).isEqualTo(Duration.ofSeconds(30));
    assertThat(f).extracting(Failover::from, Failover::to, Failover::reason)
        .containsExactly("primary", "secondary", "heartbeat-lost");
    assertThat(r.attemptOutcomes().get("unavailable")).as("requests during detection and switchover")
        .isBetween(400L, 600L);
    assertThat(r.activeAtEnd()).isEqualTo("secondary");
  }

  @Test
  void hardwareOnlyNeverFailsOverOnAnExhaustedProcessTable() {
    RegionResult r = run("{policy: hardware-only, interval: 10s, failureThreshold: 3, switchover: 30s}", LEAK);
    assertThat(limitReached(r)).isNotNull();
    assertThat(r.failovers()).isEmpty();
    assertThat(r.incidents()).isNotEmpty();
    assertThat(r.incidents().get(r.incidents().size() - 1).resolvedBy()).isEqualTo("ongoing");
    assertThat(r.attemptOutcomes().get("spawn_failed")).isGreaterThan(1000L);
  }

  @Test
  void syntheticHealthCheckFailsOverOnExhaustionAndServiceResumes() {
    RegionResult r = run("{policy: health-check, probe: synthetic, interval: 5s, failureThreshold: 3, switchover: 20s}",
        LEAK);
    assertThat(r.failovers()).hasSize(1);
    Failover f = r.failovers().get(0);
    Duration detection = Duration.between(limitReached(r), f.at());
    // the probe fails once the table is full: within threshold x interval of the limit (plus one interval of phase)
    assertThat(detection).isLessThanOrEqualTo(Duration.ofSeconds(20));
    assertThat(f.reason()).isEqualTo("health-check-failed");
    // the secondary starts clean: the incident ends soon after the switchover
    assertThat(r.incidents()).hasSize(1);
    assertThat(r.incidents().get(0).end()).isNotNull();
    assertThat(Duration.between(f.servingAt(), r.incidents().get(0).end())).isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(r.incidents().get(0).resolvedBy()).isEqualTo("failover");
  }

  @Test
  void livenessProbeDoesNotSeeTheExhaustedTable() {
    // the gray-failure lesson: the process answers, so a liveness probe never fails
    RegionResult r = run("{policy: health-check, probe: liveness, interval: 5s, failureThreshold: 3, switchover: 20s}",
        LEAK);
    assertThat(limitReached(r)).isNotNull();
    assertThat(r.failovers()).isEmpty();
  }

  @Test
  void everyRequestHasExactlyOneOutcome() {
    RegionResult r = run("{policy: health-check, probe: synthetic, interval: 5s, failureThreshold: 3, switchover: 20s}",
        LEAK + "\n  - {kind: hardware-failure, region: north, server: secondary, at: 2020-01-06T00:50:00Z, for: 5m}");
    assertThat(r.requests().succeeded() + r.requests().failed() + r.requests().inFlight())
        .isEqualTo(r.requests().total());
    long byOutcome = r.attemptOutcomes().values().stream().mapToLong(Long::longValue).sum();
    assertThat(byOutcome).isEqualTo(r.attempts().total());
  }
}
