package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** The reaper-outage fault: the report's "if the automation fails". */
class ReaperOutageTest {

  private static final String YAML = """
      name: reaper-outage
      start: 2020-01-06T00:00
      end: 2020-01-06T08:00
      timeZone: UTC
      reporting: {minAttempts: 20}
      regions:
        north:
          gateway: {processLimit: 800, serviceTime: {onDemand: 200ms}}
          reaper: REAPER
          workload:
            onDemand: {perDay: 100000, mix: {"4.1.1": 1}}
      faults:
        - {kind: leak, region: north, at: 2020-01-06T00:00, probability: 0.05}
        OUTAGE
      """;

  private static RegionResult north(String reaper, String outage) {
    Scenario s = ScenarioLoader.fromString("t.yaml", YAML.replace("REAPER", reaper).replace("OUTAGE", outage));
    RunResult r = Replay.run(s, 3, 0, null);
    return r.regions().get(0);
  }

  @Test
  void aReaperThatDoesNotRunLeavesTheLeakToFillTheTableAsIfThereWereNone() {
    RegionResult none = north("none", "");
    RegionResult working = north("{period: 30m, threshold: 400}", "");
    RegionResult failed = north("{period: 30m, threshold: 400}", "- {kind: reaper-outage, region: north, at: 2020-01-06T00:00}");

    assertThat(none.requests().failed()).isPositive();
    assertThat(working.requests().failed()).isZero();
    assertThat(working.reapedTotal()).isPositive();
    // Same random numbers, no reaping: the very same run as without a reaper.
    assertThat(failed.requests()).isEqualTo(none.requests());
    assertThat(failed.reapedTotal()).isZero();
    assertThat(failed.events()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("reaper-outage"));
  }

  @Test
  void theReaperResumesWhenTheOutageEnds() {
    RegionResult r = north("{period: 30m}", "- {kind: reaper-outage, region: north, at: 2020-01-06T00:00, until: 2020-01-06T04:00}");
    assertThat(r.events()).filteredOn(e -> e.kind().key().equals("reaper"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.at()).isAfterOrEqualTo(java.time.Instant.parse("2020-01-06T04:00:00Z")));
  }
}
