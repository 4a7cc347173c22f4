package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.report.SummaryJson;
import io.smsim.report.TimelineCsv;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regions run in parallel within one run, and every output is byte-identical whatever the thread
 * count: the regions share no state, so each region's result is also what it gives alone.
 */
class ParallelRegionsTest {

  private static final String YAML = """
      name: parallel
      timeZone: Europe/London
      start: 2022-03-15T06:00
      end: 2022-03-15T14:00
      seed: 5
      reporting: {interval: 15m, minAttempts: 20}
      defaults:
        gateway: {processLimit: 600, serviceTime: {onDemand: 300ms, install: 800ms}, deviceLatency: 2s}
        failover: {policy: health-check, interval: 15s, failureThreshold: 3, switchover: 1m}
        monitoring: {rule: failure-ratio, window: 5m, threshold: 0.1, minAttempts: 20}
        operator: {restartAfterDetection: 8m}
        reaper: {period: 1h, threshold: 400}
        workload:
          onDemand: {mix: {"4.1.1": 3, "2.2": 1}}
          install: {journey: ["8.14.1", "8.11", "8.1.1"], thinkTime: 2m}
          alerts: {}
      regions:
        north: {workload: {onDemand: {perDay: 400000}, install: {perDay: 3000}, alerts: {perDay: 300000}}}
        central: {workload: {onDemand: {perDay: 640000}, install: {perDay: 4800}, alerts: {perDay: 500000}}}
        south: {workload: {onDemand: {perDay: 560000}, install: {perDay: 4200}, alerts: {perDay: 420000}}}
      faults:
        - {kind: leak, region: north, server: both, at: 2022-03-15T08:00, until: 2022-03-15T11:00, probability: 0.05}
        - {kind: hardware-failure, region: south, server: primary, at: 2022-03-15T10:00, until: 2022-03-15T12:00}
      """;

  @Test
  void everyOutputIsByteIdenticalForOneTwoAndThreeRegionThreads(@TempDir Path dir) throws IOException {
    Scenario s = ScenarioLoader.fromString("parallel.yaml", YAML);
    String[] one = outputs(Replay.run(s, 5, 0, null, 1), dir.resolve("1"));
    assertThat(one[0]).contains("\"failover\"").contains("\"reaper\"");
    for (int threads : new int[] {2, 3}) {
      String[] many = outputs(Replay.run(s, 5, 0, null, threads), dir.resolve(String.valueOf(threads)));
      assertThat(many[0]).as("summary.json with %d threads", threads).isEqualTo(one[0]);
      assertThat(many[1]).as("timeline.csv with %d threads", threads).isEqualTo(one[1]);
    }
  }

  @Test
  void eachRegionGivesTheSameResultAloneAsBesideTheOthers() {
    Scenario all = ScenarioLoader.fromString("parallel.yaml", YAML);
    RunResult together = Replay.run(all, 5, 0, null, 2);
    for (RegionResult r : together.regions()) {
      String key = r.region().key();
      String alone = YAML.replaceAll("(?m)^  (?!" + key + ":)[a-z]+: \\{workload.*\\n", "")
          .replaceAll("(?m)^  - \\{kind: [a-z-]+, region: (?!" + key + ",).*\\n", "");
      RunResult solo = Replay.run(ScenarioLoader.fromString("alone.yaml", alone), 5, 0, null, 1);
      assertThat(solo.regions()).hasSize(1);
      assertThat(SummaryJson.toJson(withOnly(solo))).isEqualTo(SummaryJson.toJson(withOnly(together, r)));
    }
  }

  private static RunResult withOnly(RunResult run) {
    return withOnly(run, run.regions().get(0));
  }

  /** The run cut down to one region (events counted per region differ only by the shared ticks). */
  private static RunResult withOnly(RunResult run, RegionResult region) {
    return new RunResult(run.scenario(), run.variant(), null, run.seed(), run.replication(), run.virtualStart(),
        run.virtualEnd(), run.timeZone(), 0, 0, run.intervalMinutes(), java.util.List.of(region),
        run.timeline().stream().filter(row -> row.region().equals(region.region().key())).toList());
  }

  private static String[] outputs(RunResult run, Path dir) throws IOException {
    Files.createDirectories(dir);
    TimelineCsv.write(run, dir.resolve("timeline.csv"));
    return new String[] {SummaryJson.toJson(run), Files.readString(dir.resolve("timeline.csv"))};
  }
}
