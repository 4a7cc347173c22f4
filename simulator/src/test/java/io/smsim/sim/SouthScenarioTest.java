package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.Failover;
import io.smsim.metrics.Incident;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** scenarios/south-hardware-failover.yaml: hardware-only failover doing the job it was built for. */
class SouthScenarioTest {

  @Test
  void theStandbyTakesOverAfterDetectionAndSwitchover() {
    Scenario s = ScenarioLoader.load(Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios",
        "south-hardware-failover.yaml"));
    RunResult r = Replay.run(s, s.seed(), 0, null);
    RegionResult south = r.regions().stream().filter(x -> x.region().key().equals("south")).findFirst().orElseThrow();
    Instant failure = Instant.parse("2019-04-03T13:05:00Z"); // 14:05 BST
    assertThat(south.failovers()).hasSize(1);
    Failover f = south.failovers().get(0);
    assertThat(Duration.between(failure, f.at())).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(30));
    assertThat(Duration.between(f.at(), f.servingAt())).isEqualTo(Duration.ofMinutes(5));
    assertThat(south.incidents()).hasSize(1);
    Incident i = south.incidents().get(0);
    // a failure exactly on a minute boundary belongs to the minute it starts
    assertThat(i.start()).isEqualTo(failure);
    assertThat(i.resolvedBy()).isEqualTo("failover");
    assertThat(Duration.between(f.servingAt(), i.end())).isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(south.attemptOutcomes().get("lost")).as("work in flight on the failed machine").isPositive();
    for (RegionResult other : r.regions()) {
      if (other != south) {
        assertThat(other.requests().failed()).isZero();
      }
    }
  }
}
