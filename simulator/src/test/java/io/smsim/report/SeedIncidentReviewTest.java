package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.model.Fault;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incident review of the seed replay: the seed document's H9 structure, filled with the run's
 * numbers (read from summary.json, not copied from a run) and the scenario's defect.
 */
class SeedIncidentReviewTest {

  /** The seed document's sections, in its order. */
  private static final List<String> H9_SECTIONS = List.of("| Date of Incident(s) |", "| Service Impacted |",
      "| Date/ Time Incident reported |", "| Date & time incident resolved |", "| Time taken to resolve incident |",
      "## Summary of Impact [SEC H9.14(c)]", "## Incident Mitigation [SEC H9.14(c)]",
      "## Preventative Measures [SEC H9.14(d)]", "## Root Cause Summary [SEC H9.14(d)]", "## Root Cause Actions",
      "## Details of the review of the response to the Major Incident and its effectiveness [SEC H9.14(e)]",
      "[SEC H9.14(f)]", "## Appendix 1: modelled timeline");

  private static String review;
  private static JsonNode north;
  private static JsonNode incident;

  @BeforeAll
  static void load() {
    review = SeedReplay.read(ReplayReports.REVIEW);
    north = SeedReplay.summary().path("regions").path("north");
    assertThat(north.path("incidents").size()).as("the seed replay has one North incident").isEqualTo(1);
    incident = north.path("incidents").get(0);
  }

  @Test
  void followsTheSeedDocumentsStructure() {
    int at = -1;
    for (String section : H9_SECTIONS) {
      int next = review.indexOf(section);
      assertThat(next).as("section %s after the previous one", section).isGreaterThan(at);
      at = next;
    }
  }

  @Test
  void statesTheSimulatedWindowInLocalTimeWithTheZone() {
    OffsetDateTime start = OffsetDateTime.parse(incident.path("startLocal").asText());
    OffsetDateTime end = OffsetDateTime.parse(incident.path("endLocal").asText());
    String window = hhmm(start) + "–" + hhmm(end) + " BST on 02/04/2019";
    assertThat(review).contains(window)
        .contains("| Date/ Time Incident reported | 02/04/2019 " + hhmm(start) + " BST (simulated outage start)")
        .contains("| Date & time incident resolved | 02/04/2019 " + hhmm(end) + " BST")
        .contains("| Time taken to resolve incident | " + Math.round(incident.path("minutes").asDouble()) + " minutes");
    // the incident report's outage: 10:24 to 10:48; the model's must emerge close to it
    assertThat(Duration.between(LocalTime.of(10, 24), start.toLocalTime()).abs()).isLessThan(Duration.ofMinutes(6));
    assertThat(Duration.between(LocalTime.of(10, 48), end.toLocalTime()).abs()).isLessThan(Duration.ofMinutes(6));
  }

  @Test
  void statesTheBirthingEventsImpactedAndCentralAndSouthUnaffected() {
    String births = ConsoleSummary.group(incident.path("birthingEventsImpacted").asLong());
    assertThat(review).contains(births + " birthing events were impacted")
        .contains("| North | " + hhmm(OffsetDateTime.parse(incident.path("startLocal").asText())) + "–")
        .contains("| " + births + " | " + ConsoleSummary.group(incident.path("serviceRequestsFailed").asLong()) + " | "
            + ConsoleSummary.group(incident.path("firmwareRequestsFailed").asLong()) + " | "
            + ConsoleSummary.group(incident.path("requestsFailed").asLong()) + " |")
        .contains("| Central | none: unaffected | 0 | 0 | 0 | 0 |")
        .contains("| South | none: unaffected | 0 | 0 | 0 | 0 |")
        .contains("in the North region only, whilst the Central and South regions remained unaffected");
  }

  @Test
  void explainsTheModelledDefectAndWhyFailoverDidNotOccur() {
    Scenario scenario = ScenarioLoader.load(SeedReplay.SCENARIO);
    double leak = scenario.faults().stream().filter(f -> f.fault() instanceof Fault.Leak)
        .mapToDouble(f -> ((Fault.Leak) f.fault()).probability()).findFirst().orElseThrow();
    assertThat(review).contains("Gateway Scheduler child processes do not close")
        .contains(Formats.percent(leak) + " of the children that finished their work on both servers")
        .contains("limit of 30,000 processes")
        .contains("Failover did not occur: the region's failover policy is hardware-only")
        .contains("Resolved by a restart")
        .contains("| Fail over to the standby when the application degrades, not only when the server hardware"
            + " fails (monitoring of channels decides when). | No: hardware-only in this run | CSP North |")
        .contains("and at once when 10,000 processes (33.3% of capacity) are reached");
  }

  @Test
  void detectionIsTheAlertOfTheRun() {
    OffsetDateTime detected = OffsetDateTime.parse(incident.path("detectedAtLocal").asText());
    assertThat(review).contains("02/04/2019 " + hhmm(detected) + " BST (alert: incident opened)")
        .contains("| Identification | Alert at " + hhmm(detected) + " BST");
  }

  @Test
  void aReplayAloneSaysNoComparisonWasRun() {
    assertThat(review).contains("Modelled effect of alternative mitigations: no comparison was run with this replay")
        .doesNotContain("Modelled effect (smsim compare)").doesNotContain("### Identified Risks");
  }

  private static String hhmm(OffsetDateTime t) {
    return String.format("%02d:%02d", t.getHour(), t.getMinute());
  }
}
