package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.smsim.model.Fault;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.Region;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Variants and {@code --set} overrides: what they change, and where their mistakes are reported. */
class VariantsAndOverridesTest {

  private static final String BASE = """
      name: t
      start: 2020-01-06T00:00
      end: 2020-01-06T06:00
      timeZone: UTC
      defaults:
        failover: {policy: hardware-only, switchover: 2m}
      regions:
        north:
          workload:
            onDemand: {perDay: 1000, mix: {"4.1.1": 1}}
      faults:
        - {kind: leak, region: north, at: 2020-01-06T01:00, probability: 0.01}
      """;

  private static ScenarioFile load(String yaml, String... overrides) {
    return ScenarioFile.fromString("t.yaml", yaml, List.of(overrides));
  }

  private static ScenarioException problems(String yaml, String... overrides) {
    return org.assertj.core.api.Assertions.catchThrowableOfType(ScenarioException.class, () -> load(yaml, overrides));
  }

  @Test
  void variantOverridesMergeIntoTheScenarioAndKeepTheRest() {
    ScenarioFile f = load(BASE + """
        variants:
          as-is: {description: the file}
          checked:
            set:
              regions.north.failover: {policy: health-check, probe: synthetic, interval: 5s}
              faults[0].probability: 2%
              faults[+]: {kind: reaper-outage, region: north, at: 2020-01-06T02:00}
        """);

    assertThat(f.variants()).extracting(Variant::name).containsExactly("as-is", "checked");
    // the same scenario, labelled as the variant (its origin, how to bind it again, names the variant)
    assertThat(f.variants().get(0).scenario()).usingRecursiveComparison().ignoringFields("origin")
        .isEqualTo(f.scenario().withVariant("as-is"));
    assertThat(f.variants().get(0).scenario().origin().variant()).isEqualTo("as-is");
    Scenario s = f.variant("checked").orElseThrow().scenario();
    FailoverPolicy policy = s.regions().get(Region.NORTH).failover();
    assertThat(policy).isEqualTo(new FailoverPolicy.HealthCheck(FailoverPolicy.ProbeKind.SYNTHETIC, 5_000_000_000L, 3,
        120_000_000_000L)); // switchover from defaults, threshold from the built-in default
    assertThat(s.faults()).hasSize(2);
    assertThat(((Fault.Leak) s.faults().get(0).fault()).probability()).isEqualTo(0.02);
    assertThat(s.faults().get(1).fault()).isInstanceOf(Fault.ReaperOutage.class);
    assertThat(f.variant("checked").orElseThrow().overrides()).containsExactly(
        "regions.north.failover={policy: health-check, probe: synthetic, interval: 5s}", "faults[0].probability=2%",
        "faults[+]={kind: reaper-outage, region: north, at: 2020-01-06T02:00}");
  }

  @Test
  void commandLineOverridesApplyOnTopOfEveryVariant() {
    ScenarioFile f = load(BASE + """
        variants:
          a: {set: {workloadScale: 2}}
        """, "workloadScale=3");
    assertThat(f.scenario().workloadScale()).isEqualTo(3);
    assertThat(f.variant("a").orElseThrow().scenario().workloadScale()).isEqualTo(3);
  }

  @Test
  void unknownKeyInACommandLineOverrideListsTheAcceptedKeys() {
    ScenarioException e = problems(BASE, "regions.north.reaper.perod=1h");
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).toString()).isEqualTo("--set regions.north.reaper.perod=1h: "
        + "regions.north.reaper.perod: unknown key (did you mean period?); accepted: period, offset, threshold");
  }

  @Test
  void overrideOfAMissingListItemSaysSo() {
    ScenarioException e = problems(BASE, "faults[3].probability=0.1");
    assertThat(e.getMessage()).isEqualTo("--set faults[3].probability=0.1: faults[3].probability: "
        + "no list item faults[3] to override");
    assertThat(problems(BASE, "name[+]=x").getMessage()).contains("name is not a list, cannot append");
    assertThat(problems(BASE, "faults[+].kind=leak").getMessage()).contains("[+] appends a list item and must end the path");
  }

  @Test
  void aVariantsMistakePointsIntoTheVariantsBlock() {
    String yaml = BASE + """
        variants:
          good: {}
          typo:
            set:
              regions.north.reaper.perod: 1h
          badValue:
            set:
              regions.north.reaper: {period: soon}
          badPath:
            set:
              faults[4].at: 2020-01-06T02:00
        """;
    List<String> lines = problems(yaml).problems().stream().map(Problem::toString).toList();
    assertThat(lines).containsExactly(
        "t.yaml:17:35: regions.north.reaper.perod: unknown key (did you mean period?); accepted: period, offset, "
            + "threshold (in variant typo)",
        "t.yaml:20:38: regions.north.reaper.period: not a duration (e.g. 250ms, 90s, 15m, 1h30m, 2d): soon "
            + "(in variant badValue)",
        "t.yaml:23:7: faults[4].at: no list item faults[4] to override");
  }

  @Test
  void variantsCannotChangeTheAnalysisBlocksAndNeedSaneNames() {
    String yaml = BASE + """
        variants:
          "bad name": {}
          sneaky:
            set: {expect: []}
          extra: {sets: {}}
        """;
    List<String> lines = problems(yaml).problems().stream().map(Problem::toString).toList();
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("t.yaml:14:3: variants.bad name: a variant name is"));
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("t.yaml:16:11: variants.sneaky.set.expect: "
        + "a variant cannot change expect"));
    assertThat(lines).anySatisfy(l -> assertThat(l).contains("variants.extra.sets: unknown key (did you mean set?); "
        + "accepted: description, set, expect"));
  }

  @Test
  void scenarioLoaderReadsFilesWithVariantsAndChecksThem() {
    Scenario s = ScenarioLoader.fromString("t.yaml", BASE + "variants: {a: {}}\nreplications: 5\n");
    assertThat(s.name()).isEqualTo("t");
    assertThatExceptionOfType(ScenarioException.class)
        .isThrownBy(() -> ScenarioLoader.fromString("t.yaml", BASE + "variants: {a: {set: {x: 1}}}\n"))
        .withMessageContaining("x: unknown key");
  }
}
