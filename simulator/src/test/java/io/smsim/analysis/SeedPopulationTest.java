package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.RunResult;
import io.smsim.model.Region;
import io.smsim.model.Times;
import io.smsim.scenario.Expectation;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.ScenarioFile;
import io.smsim.sim.Replay;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The seed incident as a population (scenarios/csp-north-2019-04-02.yaml, calibrated by
 * {@code smsim calibrate} against the report's facts): over 30 replications of its seed, the mean
 * start, detection and end are each within 3 minutes of the report's 10:24, 10:40 and 10:48; about
 * 40 birthing events are impacted (mean 30-50); failures are intermittent (the median per-minute
 * success ratio inside the incident window, averaged, between 20% and 80%); Central and South
 * never fail; nothing fails over. The default seed's own replay is one ordinary member of the
 * population. And the scenario's own {@code expect:} holds over the same 30 replications.
 */
class SeedPopulationTest {

  private static final int REPLICATIONS = 30;
  private static final ZoneId LONDON = ZoneId.of("Europe/London");
  private static ScenarioFile file;
  private static List<MetricPath> metrics;
  private static double[][] values;
  private static PointStats stats;

  @BeforeAll
  static void replicate() {
    file = ScenarioFile.load(Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios",
        "csp-north-2019-04-02.yaml"), List.of());
    metrics = new ArrayList<>(MetricPath.regionMetrics(file.scenario().regions().keySet()));
    for (Expectation e : file.expectations()) {
      if (!metrics.contains(e.metric())) {
        metrics.add(e.metric());
      }
    }
    List<Kept> kept = ReplicationRunner.threads(ReplicationRunner.defaultThreads()).run(List.of(file.scenario()),
        file.scenario().seed(), REPLICATIONS, (point, run) -> new Kept(SummaryMetrics.values(run, metrics), texts(run)),
        null).get(0);
    values = kept.stream().map(Kept::values).toArray(double[][]::new);
    texts = kept.stream().map(Kept::texts).toArray(String[][]::new);
    stats = PointStats.of(values, null, metrics);
  }

  private static String[][] texts;

  /** What one replication keeps: its metric values and, for text metrics, their text. */
  private record Kept(double[] values, String[] texts) implements java.io.Serializable {
  }

  private static String[] texts(RunResult run) {
    String[] t = new String[metrics.size()];
    for (int m = 0; m < t.length; m++) {
      t[m] = metrics.get(m).kind() == MetricPath.Kind.TEXT ? SummaryMetrics.text(run, metrics.get(m)) : null;
    }
    return t;
  }

  private static Summary north(String metric) {
    return stats.stat(metrics.indexOf(MetricPath.of(Region.NORTH, metric)));
  }

  private static double[] column(Region r, String metric) {
    return PointStats.column(values, metrics.indexOf(MetricPath.of(r, metric)));
  }

  private static double minutes(int h, int m) {
    return h * 60 + m;
  }

  @Test
  void everyReplicationHasItsIncidentOnTheMorningOfTheSecondOfApril() {
    double[] start = column(Region.NORTH, "firstIncident.startMinutes");
    var runStart = file.scenario().start();
    for (int r = 0; r < REPLICATIONS; r++) {
      assertThat(start[r]).as("replication %d has an incident", r).isFinite();
      LocalDate day = runStart.plusSeconds((long) (start[r] * 60)).atZone(LONDON).toLocalDate();
      assertThat(day).as("replication %d", r).isEqualTo(LocalDate.of(2019, 4, 2));
    }
  }

  @Test
  void meanStartDetectionAndEndAreWithinThreeMinutesOfTheReport() {
    assertThat(north("firstIncident.startTimeOfDay").mean()).as(show("start"))
        .isBetween(minutes(10, 21), minutes(10, 27));
    assertThat(north("firstIncident.detectedTimeOfDay").mean()).as(show("detected"))
        .isBetween(minutes(10, 37), minutes(10, 43));
    assertThat(north("firstIncident.endTimeOfDay").mean()).as(show("end")).isBetween(minutes(10, 45), minutes(10, 51));
  }

  @Test
  void aboutFortyBirthingEventsAreImpacted() {
    assertThat(north("birthingEvents.impacted").mean()).isBetween(30.0, 50.0);
  }

  @Test
  void failuresInsideTheIncidentAreIntermittent() {
    Summary median = north("firstIncident.medianMinuteSuccessRatio");
    assertThat(median.mean()).isBetween(0.2, 0.8);
    double[] each = column(Region.NORTH, "firstIncident.medianMinuteSuccessRatio");
    Arrays.sort(each);
    assertThat(each[REPLICATIONS / 2]).as("median over the replications").isBetween(0.2, 0.8);
  }

  @Test
  void centralAndSouthNeverFailAndNothingFailsOver() {
    for (Region r : List.of(Region.CENTRAL, Region.SOUTH)) {
      assertThat(column(r, "requests.failed")).as(r.key()).containsOnly(0.0);
    }
    for (Region r : Region.values()) {
      assertThat(column(r, "failovers")).as(r.key()).containsOnly(0.0);
    }
  }

  @Test
  void theDefaultSeedsReplayIsAnOrdinaryMemberOfThePopulation() {
    double[] start = column(Region.NORTH, "firstIncident.startMinutes");
    double own = Replay.run(file.scenario(), file.scenario().seed(), 0, null).regions().get(0).firstIncident()
        .startMinutes();
    assertThat(own).isEqualTo(start[0]);
    double[] sorted = start.clone();
    Arrays.sort(sorted);
    assertThat(own).as("neither among the three earliest nor the three latest of 30").isBetween(sorted[3], sorted[26]);
  }

  @Test
  void theScenariosOwnExpectationsHoldOverThirtyReplications() {
    ExpectationEvaluator evaluator = new ExpectationEvaluator(file.scenario().zone());
    assertThat(file.expectations()).isNotEmpty();
    for (Expectation e : file.expectations()) {
      int m = metrics.indexOf(e.metric());
      String[] t = new String[REPLICATIONS];
      for (int r = 0; r < REPLICATIONS; r++) {
        t[r] = texts[r][m];
      }
      Verdict v = evaluator.evaluate("as written", e, PointStats.column(values, m), t, null);
      assertThat(v.status()).as(v.toString()).isEqualTo(Verdict.Status.PASS);
    }
  }

  private static String show(String which) {
    Summary s = north("firstIncident." + which + "TimeOfDay");
    return which + " " + Times.timeOfDay(s.mean()) + " [" + Times.timeOfDay(s.ciLow()) + ", "
        + Times.timeOfDay(s.ciHigh()) + "]";
  }
}
