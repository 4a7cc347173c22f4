package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpectationBinderTest {

  private static final String BASE = """
      name: t
      start: 2020-01-06T00:00
      end: 2020-01-06T06:00
      timeZone: Europe/London
      regions:
        north:
          workload:
            onDemand: {perDay: 1000, mix: {"4.1.1": 1}}
      """;

  private static List<String> problems(String yaml) {
    return catchThrowableOfType(ScenarioException.class, () -> ScenarioFile.fromString("t.yaml", yaml, List.of()))
        .problems().stream().map(Problem::toString).toList();
  }

  @Test
  void checksBindToBoundsOnMetricPaths() {
    ScenarioFile f = ScenarioFile.fromString("t.yaml", BASE + """
        replications: 8
        expect:
          - {metric: regions.north.birthingEvents.impacted, between: [30, 50]}
          - {metric: regions.north.requests.failed, of: ci, atMost: 1_000}
          - {metric: "regions.north.incidents[0].start", atLeast: "2020-01-06T01:30"}
          - {metric: "regions.north.incidents[0].resolvedBy", equals: restart}
          - {metric: requests, of: mean, atLeast: 5%}
        """, List.of());

    assertThat(f.replications()).hasValue(8);
    List<Expectation> e = f.expectations();
    assertThat(e).hasSize(5);
    assertThat(e.get(0).lower().value()).isEqualTo(30);
    assertThat(e.get(0).upper().value()).isEqualTo(50);
    assertThat(e.get(0).of()).isEqualTo(Expectation.Of.EACH);
    assertThat(e.get(0).form()).isEqualTo("between [30, 50]");
    assertThat(e.get(1).of()).isEqualTo(Expectation.Of.CI);
    assertThat(e.get(1).upper().value()).isEqualTo(1000);
    assertThat(e.get(1).lower()).isNull();
    // Local time in the scenario's zone: 01:30 GMT in January.
    assertThat(e.get(2).lower().value()).isEqualTo(Instant.parse("2020-01-06T01:30:00Z").getEpochSecond());
    assertThat(e.get(2).metric().kind()).isEqualTo(MetricPath.Kind.TIME);
    assertThat(e.get(3).equalsText()).isEqualTo("restart");
    assertThat(e.get(4).lower().value()).isEqualTo(0.05);
    assertThat(e.get(4).location().line()).isEqualTo(15);
  }

  @Test
  void aMistypedMetricIsReportedAtItsLineWithTheLikelyIntent() {
    List<String> p = problems(BASE + """
        expect:
          - {metric: regions.north.birthingEvent.impacted, equals: 0}
          - {metric: regions.south.requests.failed, equals: 0}
          - {metric: "regions.north.incidents[0].begin", atMost: "2020-01-06T02:00"}
        """);
    assertThat(p).containsExactly(
        "t.yaml:10:14: expect[0].metric: unknown metric \"birthingEvent.impacted\" (did you mean "
            + "birthingEvents.impacted?); accepted: " + String.join(", ", MetricPath.REGION_METRICS)
            + ", incidents[i].<field>, failovers[i].<field>",
        "t.yaml:11:14: expect[1].metric: region south is not defined in this scenario: regions.south.requests.failed",
        "t.yaml:12:14: expect[2].metric: unknown field \"begin\" of incidents[i]; accepted: start, end, detectedAt, "
            + "minutes, resolvedBy, birthingEventsImpacted, requestsFailed, serviceRequestsFailed, "
            + "firmwareRequestsFailed, attempts, attemptsFailed");
  }

  @Test
  void malformedChecksSayWhatIsAccepted() {
    List<String> p = problems(BASE + """
        expect:
          - {metric: regions.north.requests.failed}
          - {metric: regions.north.requests.failed, atLeast: 1, atMost: 2}
          - {metric: regions.north.requests.failed, between: [5, 1]}
          - {metric: regions.north.requests.failed, of: median, equals: 0}
          - {metric: "regions.north.incidents[0].resolvedBy", atMost: 3}
          - {metric: regions.north.requests.failed, atMost: 10% of baseline}
          - {metric: regions.north.requests.failed, atMost: lots}
        """);
    assertThat(p).containsExactly(
        "t.yaml:10:5: expect[0]: give one of between: [lo, hi], atLeast, atMost, equals",
        "t.yaml:11:5: expect[1]: give only one of between, atLeast, atMost, equals, not atLeast and atMost",
        "t.yaml:12:54: expect[2].between: the lower bound must not exceed the upper: [5, 1]",
        "t.yaml:13:49: expect[3].of: must be one of each, mean, ci: median",
        "t.yaml:14:63: expect[4].atMost: regions.north.incidents[0].resolvedBy is a word; only equals applies",
        "t.yaml:15:53: expect[5].atMost: 'of baseline' compares a variant with the baseline (the first variant); "
            + "it is allowed only in the expect: of another variant: 10% of baseline",
        "t.yaml:16:53: expect[6].atMost: not a number: lots (a number, a percentage, or e.g. 10% of baseline)");
  }

  @Test
  void relativeBoundsAreAllowedInVariantsAfterTheBaseline() {
    String yaml = BASE + """
        variants:
          base:
            expect: [{metric: regions.north.requests.failed, atMost: 2 of baseline}]
          other:
            expect: [{metric: regions.north.requests.failed, of: mean, atMost: 50% of baseline}]
        """;
    assertThat(problems(yaml)).singleElement().asString().startsWith("t.yaml:11:62: variants.base.expect[0].atMost: "
        + "'of baseline' compares a variant with the baseline");
    ScenarioFile f = ScenarioFile.fromString("t.yaml", yaml.replace("2 of baseline", "2"), List.of());
    Expectation e = f.variant("other").orElseThrow().expectations().get(0);
    assertThat(e.relative()).isTrue();
    assertThat(e.upper().value()).isEqualTo(0.5);
  }
}
