package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.Incident;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.metrics.TimelineEvent;
import io.smsim.report.SummaryJson;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed incident (scenarios/csp-north-2019-04-02.yaml) with its default seed reproduces the
 * report: outage from 10:24 ± 3 min, detected 10:40 ± 5 min, restart at 10:48 restoring service,
 * 30–50 birthing events, Central and South untouched, no failover — all emerging from the model.
 */
class SeedScenarioTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static Scenario scenario;
  private static RunResult result;

  @BeforeAll
  static void replay() {
    scenario = ScenarioLoader.load(Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios",
        "csp-north-2019-04-02.yaml"));
    result = Replay.run(scenario, scenario.seed(), 0, null);
  }

  private static RegionResult region(RunResult r, String key) {
    return r.regions().stream().filter(x -> x.region().key().equals(key)).findFirst().orElseThrow();
  }

  private static LocalTime local(java.time.Instant t) {
    return t.atZone(LONDON).toLocalTime();
  }

  @Test
  void northDegradesAt1024AndIsRestoredByTheRestartAt1048() {
    RegionResult north = region(result, "north");
    assertThat(north.incidents()).hasSize(1);
    Incident i = north.incidents().get(0);
    assertThat(i.start().atZone(LONDON).toLocalDate()).hasToString("2019-04-02");
    assertThat(local(i.start())).isBetween(LocalTime.of(10, 21), LocalTime.of(10, 27));
    assertThat(local(i.detectedAt())).isBetween(LocalTime.of(10, 35), LocalTime.of(10, 45));
    assertThat(i.resolvedBy()).isEqualTo("restart");
    List<TimelineEvent> restarts = north.events().stream().filter(e -> e.kind().key().equals("restart")).toList();
    assertThat(restarts).hasSize(1);
    assertThat(local(restarts.get(0).at())).isBetween(LocalTime.of(10, 43), LocalTime.of(10, 53));
    assertThat(local(i.end())).isBetween(LocalTime.of(10, 43), LocalTime.of(10, 53));
    // the table filled because of leaked children under load: it was full when the outage began
    TimelineEvent full = north.events().stream().filter(e -> e.kind().key().equals("process-limit-reached")).findFirst()
        .orElseThrow();
    assertThat(java.time.Duration.between(full.at(), i.start()).abs()).isLessThan(java.time.Duration.ofMinutes(2));
    assertThat(north.peakProcesses()).isEqualTo(30_000);
  }

  @Test
  void about40BirthingEventsAreImpactedInTheNorthOnly() {
    RegionResult north = region(result, "north");
    assertThat(north.incidents().get(0).birthingEventsImpacted()).isBetween(30L, 50L);
    assertThat(north.births().impacted()).isBetween(30L, 50L);
    for (String other : List.of("central", "south")) {
      RegionResult r = region(result, other);
      assertThat(r.requests().failed()).as(other + " failed requests").isZero();
      assertThat(r.incidents()).as(other + " incidents").isEmpty();
      assertThat(r.births().impacted()).isZero();
    }
  }

  @Test
  void hardwareOnlyFailoverNeverFires() {
    for (RegionResult r : result.regions()) {
      assertThat(r.failovers()).as(r.region().key()).isEmpty();
      assertThat(r.policy()).isEqualTo("hardware-only");
    }
  }

  @Test
  void theSameSeedGivesByteIdenticalOutput() {
    RunResult again = Replay.run(scenario, scenario.seed(), 0, null);
    assertThat(withoutWall(SummaryJson.toJson(again))).isEqualTo(withoutWall(SummaryJson.toJson(result)));
    assertThat(again.timeline()).isEqualTo(result.timeline());
  }

  @Test
  void anotherSeedGivesDifferentButPlausibleNumbers() {
    RunResult other = Replay.run(scenario, 7, 0, null);
    assertThat(withoutWall(SummaryJson.toJson(other))).isNotEqualTo(withoutWall(SummaryJson.toJson(result)));
    RegionResult north = region(other, "north");
    assertThat(north.incidents()).isNotEmpty();
    Incident i = north.incidents().get(0);
    assertThat(i.start().atZone(LONDON).toLocalDate()).hasToString("2019-04-02");
    assertThat(local(i.start())).isBetween(LocalTime.of(9, 0), LocalTime.of(12, 30));
    assertThat(i.minutes()).isBetween(15.0, 40.0);
    assertThat(i.birthingEventsImpacted()).isBetween(10L, 80L);
    assertThat(region(other, "central").requests().failed()).isZero();
  }

  static String withoutWall(String json) {
    return json.lines().filter(l -> !l.trim().startsWith("\"wall")).reduce("", (a, b) -> a + b + "\n");
  }
}
