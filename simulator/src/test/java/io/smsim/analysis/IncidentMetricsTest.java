package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.metrics.FirstIncident;
import io.smsim.metrics.Incident;
import io.smsim.metrics.MinuteSeries;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.metrics.TimelineEvent;
import io.smsim.model.Region;
import io.smsim.report.SummaryJson;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.sim.Replay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The first incident's start, detection and end, the time to exhaustion and the waiting metrics
 * are replication metrics: each run computes them from its own incidents, events and minutes, and
 * replications and compare give them intervals (times of day as 10:24 [10:22, 10:26]).
 */
class IncidentMetricsTest {

  private static final Scenario SCENARIO = Fixtures.smallLeak().scenario();

  private static RegionResult north(RunResult r) {
    return r.regions().get(0);
  }

  @Test
  void theFirstIncidentIsTimedFromTheRunsStartAndOnTheLocalClock() {
    RunResult run = Replay.run(SCENARIO, 7, 0, null);
    RegionResult north = north(run);
    Incident i = north.incidents().get(0);
    FirstIncident f = north.firstIncident();
    Instant start = SCENARIO.start();
    assertThat(f.startMinutes()).isEqualTo(Duration.between(start, i.start()).toSeconds() / 60.0);
    assertThat(f.detectedMinutes()).isEqualTo(Duration.between(start, i.detectedAt()).toNanos() / 60e9);
    assertThat(f.endMinutes()).isEqualTo(Duration.between(start, i.end()).toSeconds() / 60.0);
    var local = i.start().atZone(ZoneId.of("UTC")).toLocalTime();
    assertThat(f.startTimeOfDay()).isEqualTo(local.getHour() * 60 + local.getMinute());
    assertThat(f.successRatio()).isCloseTo(1 - (double) i.attemptsFailed() / i.attempts(), within(1e-12));
    // the median of the incident's per-minute success ratios, from the run's own minute series
    MinuteSeries m = north.minutes();
    List<Double> ratios = new ArrayList<>();
    for (int k = (int) f.startMinutes(); k < (int) f.endMinutes(); k++) {
      ratios.add((double) (m.attempts(k) - m.failed(k)) / m.attempts(k));
    }
    Collections.sort(ratios);
    int n = ratios.size();
    double median = n % 2 == 1 ? ratios.get(n / 2) : (ratios.get(n / 2 - 1) + ratios.get(n / 2)) / 2;
    assertThat(f.medianMinuteSuccessRatio()).isEqualTo(median);
    // exhaustion: the first spawn failure, which is also when the table was first seen full
    TimelineEvent full = north.events().stream().filter(e -> e.kind() == io.smsim.model.EventKind.PROCESS_LIMIT_REACHED).findFirst()
        .orElseThrow();
    assertThat(north.exhaustion().at()).isEqualTo(full.at());
    assertThat(north.exhaustion().minutes()).isEqualTo(Duration.between(start, full.at()).toNanos() / 60e9);
  }

  @Test
  void summaryJsonHoldsTheTimingAsMinutesAndLocalClockTimes() throws Exception {
    RunResult run = Replay.run(SCENARIO, 7, 0, null);
    JsonNode north = new ObjectMapper().readTree(SummaryJson.toJson(run)).path("regions").path("north");
    FirstIncident f = north(run).firstIncident();
    assertThat(north.path("firstIncident").path("startMinutes").asDouble()).isEqualTo(f.startMinutes());
    assertThat(north.path("firstIncident").path("startTimeOfDay").asText())
        .isEqualTo(f.start().atZone(ZoneId.of("UTC")).toLocalTime().toString());
    assertThat(north.path("exhaustion").path("timeOfDay").asText()).matches("\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?");
    assertThat(north.path("waiting").path("probability").asDouble()).isZero();
  }

  @Test
  void replicationsGiveTheTimesIntervalsAndTheConsoleShowsThemAsClockTimes() {
    Replications reps = Replications.run(SCENARIO, 7, 4, ReplicationRunner.threads(2), null);
    Summary start = reps.stats().stat(reps.indexOf(MetricPath.of(Region.NORTH, "firstIncident.startTimeOfDay")));
    Summary detected = reps.stats().stat(reps.indexOf(MetricPath.of(Region.NORTH, "firstIncident.detectedTimeOfDay")));
    assertThat(start.n()).isEqualTo(4);
    assertThat(start.ciLow()).isLessThan(start.mean());
    assertThat(detected.mean()).isGreaterThan(start.mean());
    var out = new java.io.StringWriter();
    ReplicationsFiles.print(reps, new java.io.PrintWriter(out, true));
    assertThat(out.toString())
        .containsPattern("incident start\\s+\\d\\d:\\d\\d(:\\d\\d)? \\[\\d\\d:\\d\\d(:\\d\\d)?, \\d\\d:\\d\\d(:\\d\\d)?]");
  }
}
