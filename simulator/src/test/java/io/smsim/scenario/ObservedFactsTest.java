package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code observed:} states an incident's facts with the metric paths of {@code expect:}, each in its metric's unit. */
class ObservedFactsTest {

  private static final String HEAD = """
      name: facts
      timeZone: Europe/London
      start: 2019-04-01T00:00
      end: 2019-04-03T00:00
      regions:
        north:
          workload:
            onDemand: {perDay: 1000, mix: {"4.1.1": 1}}
      """;

  @Test
  void factsAreReadInTheirMetricsUnits() {
    ScenarioFile f = ScenarioFile.fromString("s.yaml", HEAD + """
        observed:
          - {metric: regions.north.firstIncident.startTimeOfDay, value: "10:24", uncertainty: 90s}
          - {metric: regions.north.birthingEvents.impacted, value: 40, uncertainty: 5}
          - {metric: regions.north.firstIncident.medianMinuteSuccessRatio, value: 50%}
          - {metric: "regions.north.incidents[0].end", value: "2019-04-02T10:48", uncertainty: 2m}
        """, List.of());
    List<Fact> facts = f.observed();
    assertThat(facts).hasSize(4);
    assertThat(facts.get(0).value()).isEqualTo(624);
    assertThat(facts.get(0).uncertainty()).isEqualTo(1.5);
    assertThat(facts.get(1).value()).isEqualTo(40);
    assertThat(facts.get(2).value()).isEqualTo(0.5);
    assertThat(facts.get(2).uncertainty()).isZero();
    assertThat(facts.get(3).value()).isEqualTo(java.time.Instant.parse("2019-04-02T09:48:00Z").getEpochSecond());
    assertThat(facts.get(3).uncertainty()).isEqualTo(120);
    assertThat(facts.get(0).location().line()).isEqualTo(10);
  }

  @Test
  void badFactsAreReportedAtTheirLines() {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioFile.fromString("s.yaml", HEAD + """
        observed:
          - {metric: regions.north.outageMinutes, value: 24}
          - {metric: regions.north.firstIncident.startTimeOfDay, value: "quarter past ten"}
          - {metric: regions.north.birthingEvents.impacted, value: 40, uncertainty: -5}
          - {metric: regions.south.requests.failed, value: 0}
          - {metric: "regions.north.incidents[0].resolvedBy", value: restart}
          - {metric: regions.north.outageMinutes, value: 25}
          - {metric: regions.north.requests.failed}
        """, List.of()));
    assertThat(e.problems().stream().map(Problem::toString).toList()).containsExactly(
        "s.yaml:11:65: observed[1].value: not a time of day (e.g. 10:24 or 10:24:30): quarter past ten",
        "s.yaml:12:77: observed[2].uncertainty: must be >= 0: -5",
        "s.yaml:13:14: observed[3].metric: region south is not defined in this scenario: regions.south.requests.failed",
        "s.yaml:14:14: observed[4].metric: is a word; a fact is a number or a time: regions.north.incidents[0].resolvedBy",
        "s.yaml:15:5: observed[5]: the same metric is observed twice: regions.north.outageMinutes",
        "s.yaml:16:5: observed[6].value: is required (the value observed)");
  }
}
