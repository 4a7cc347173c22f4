package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad scenarios are reported as file:line:column: field.path: rule: value, every problem at once. */
class BadScenarioTest {

  private static final String HEAD = """
      name: bad
      start: 2019-04-01T00:00
      end: 2019-04-02T00:00
      """;

  private static List<String> problems(String yaml) {
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioLoader.fromString("s.yaml", yaml));
    assertThat(e).as("expected the scenario to be rejected").isNotNull();
    return e.problems().stream().map(Problem::toString).toList();
  }

  private static String region(String body) {
    return HEAD + "regions:\n  north:\n" + body.indent(4);
  }

  @Test
  void syntaxErrorPointsAtTheLineAndColumn() {
    assertThat(problems("name: x\nstart: [1\n"))
        .containsExactly("s.yaml:3:1: invalid YAML: expected ',' or ']', but got <stream end>");
  }

  private static String leak(String lifetime) {
    return HEAD + "regions: {north: {}}\nfaults:\n  - {kind: leak, region: north, at: 2019-04-01T01:00, probability: 0.1,\n"
        + "     lifetime: " + lifetime + "}\n";
  }

  @Test
  void aMixtureTakesTheLastWeightFromTheOthers() {
    Scenario s = ScenarioLoader.fromString("s.yaml",
        leak("{dist: mixture, of: [{weight: 87%, dist: exponential, mean: 20m}, {dist: exponential, mean: 3d}]}"));
    io.smsim.model.Fault.Leak leak = (io.smsim.model.Fault.Leak) s.faults().get(0).fault();
    assertThat(leak.lifetime().mean()).isCloseTo((0.87 * 20 * 60 + 0.13 * 3 * 86400) * 1e9,
        org.assertj.core.data.Offset.offset(1e3));
  }

  @Test
  void badMixturesAreReportedAtTheirComponents() {
    assertThat(problems(leak("{dist: mixture, of: [{weight: 60%, dist: exponential, mean: 20m}, "
        + "{weight: 30%, dist: exponential, mean: 3d}]}")))
        .containsExactly("s.yaml:7:36: faults[0].lifetime.of: the weights must sum to 1 (or leave the last one out): 0.9");
    assertThat(problems(leak("{dist: mixture, of: [{dist: exponential, mean: 20m}, {dist: exponential, mean: 3d}]}")))
        .singleElement().asString().contains("faults[0].lifetime.of[0].weight: is required");
    assertThat(problems(leak("{dist: mixture, of: [{weight: 0, dist: exponential, mean: 20m}, {dist: constant, value: 1h}]}")))
        .singleElement().asString().contains("must be more than 0");
    assertThat(problems(leak("{dist: mixture, of: [{weight: 50%, dist: mixture, of: []}, {dist: constant, value: 1h}]}")))
        .anySatisfy(p -> assertThat(p).contains("faults[0].lifetime.of[0].dist").contains("must be one of"));
    assertThat(problems(leak("{dist: mixture, of: [{dist: exponential, mean: 20m}]}")))
        .singleElement().asString().contains("two or more components");
  }

  @Test
  void unknownKeyListsTheAcceptedOnesAndSuggestsTheLikelyOne() {
    assertThat(problems(region("gateway:\n  procesLimit: 100"))).containsExactly(
        "s.yaml:7:7: regions.north.gateway.procesLimit: unknown key (did you mean processLimit?); accepted: "
            + "processLimit, workers, queueLimit, serviceTime, deviceLatency, noResponseProbability, responseTimeout");
  }

  @Test
  void negativeCountIsRefusedWithTheValue() {
    assertThat(problems(region("gateway:\n  processLimit: -5")))
        .containsExactly("s.yaml:7:21: regions.north.gateway.processLimit: must be positive: -5");
  }

  @Test
  void probabilityAboveOne() {
    assertThat(problems(region("gateway:\n  noResponseProbability: 1.5")))
        .containsExactly("s.yaml:7:30: regions.north.gateway.noResponseProbability: must be in [0, 1]: 1.5");
  }

  /** A number beyond a double's range is named as such, not as a bound it seems to break. */
  @Test
  void aNumberBeyondADoublesRangeIsNotFinite() {
    assertThat(problems(region("workload:\n  onDemand: {perDay: 1e400, mix: {\"4.1.1\": 1}}"))).containsExactly(
        "s.yaml:7:26: regions.north.workload.onDemand.perDay: not a finite number (beyond ±1.8e308): 1e400");
  }

  @Test
  void durationWithoutUnit() {
    assertThat(problems(region("gateway:\n  responseTimeout: 90"))).containsExactly(
        "s.yaml:7:24: regions.north.gateway.responseTimeout: a duration needs a unit (ms, s, m, h, d), e.g. 90s: 90");
  }

  @Test
  void unknownChoice() {
    assertThat(problems(region("failover: {policy: health-chek}")))
        .containsExactly("s.yaml:6:24: regions.north.failover.policy: must be one of hardware-only, health-check: health-chek");
  }

  @Test
  void unknownSrvInAMix() {
    assertThat(problems(region("workload:\n  onDemand: {perDay: 5, mix: {\"4.1.1\": 1, \"99.9\": 2}}")))
        .containsExactly("s.yaml:7:47: regions.north.workload.onDemand.mix.99.9: unknown SRV (not in the DUIS catalogue): 99.9");
  }

  @Test
  void badTimeAndTimeOutsideTheRun() {
    assertThat(problems(region("gateway: {}") + """
        faults:
          - {kind: hardware-failure, region: north, at: yesterday}
          - {kind: leak, region: north, at: 2019-05-01T10:00}
        """)).containsExactly(
        "s.yaml:8:49: faults[0].at: not an ISO-8601 time (e.g. 2019-04-02T10:48:00Z or 2019-04-02T10:48 in the "
            + "scenario's zone): yesterday",
        "s.yaml:9:37: faults[1].at: must be within the run (2019-03-31T23:00:00Z .. 2019-04-01T23:00:00Z): "
            + "2019-05-01T09:00:00Z");
  }

  @Test
  void regionNotDefinedAndValueOutOfRangeInOneFault() {
    assertThat(problems(region("gateway: {}") + "faults:\n  - {kind: leak, region: east, at: 2019-04-01T10:00, probability: 1.5}\n"))
        .containsExactly("s.yaml:8:26: faults[0].region: must be one of north, central, south: east",
            "s.yaml:8:67: faults[0].probability: must be in [0, 1]: 1.5");
  }

  @Test
  void missingRequiredFields() {
    assertThat(problems("regions: {north: {}}\n")).containsExactly(
        "s.yaml:1:1: name: is required (a short scenario name)",
        "s.yaml:1:1: start: is required (an ISO-8601 time)",
        "s.yaml:1:1: end: is required (an ISO-8601 time)");
  }

  @Test
  void endBeforeStart() {
    assertThat(problems("name: x\nstart: 2019-04-01T00:00\nend: 2019-03-01T00:00\nregions: {north: {}}\n"))
        .containsExactly("s.yaml:3:6: end: must be after start (2019-03-31T23:00:00Z): 2019-03-01T00:00:00Z");
  }

  @Test
  void profileWithTheWrongNumberOfWeightsAndAnUnknownProfile() {
    assertThat(problems(HEAD + """
        profiles: {p: {hourOfDay: [1, 2, 3]}}
        regions: {north: {workload: {onDemand: {perDay: 5, mix: {"2.2": 1}, profile: q}}}}
        """)).containsExactly(
        "s.yaml:4:27: profiles.p.hourOfDay: must be a list of 24 weights, got: 3 items",
        "s.yaml:5:78: regions.north.workload.onDemand.profile: unknown profile; defined: flat: q");
  }

  @Test
  void wrongShape() {
    assertThat(problems(region("gateway: [1, 2]")))
        .containsExactly("s.yaml:6:14: regions.north.gateway: must be a mapping of keys to values, got: a list");
  }

  @Test
  void duplicateKey() {
    assertThat(problems("name: x\nname: y\n")).containsExactly("s.yaml:2:1: name: duplicate key (first at s.yaml:1:1)");
  }

  @Test
  void journeyWithoutThinkTime() {
    assertThat(problems(region("workload:\n  install: {perDay: 10, journey: [\"8.14.1\", \"8.1.1\"]}")))
        .containsExactly("s.yaml:7:16: regions.north.workload.install.thinkTime: is required with a journey");
  }

  @Test
  void anErrorInDefaultsIsReportedOnceAtTheDefaults() {
    List<String> p = problems(HEAD + """
        defaults: {gateway: {processLimit: 0}}
        regions: {north: {}, south: {}}
        """);
    assertThat(p).containsExactly("s.yaml:4:36: defaults.gateway.processLimit: must be positive: 0");
  }

  @Test
  void anUnknownKeyInDefaultsIsReportedOnceAtTheDefaultsEvenWhereARegionMergesItsOwnBlock() {
    List<String> p = problems(HEAD + """
        defaults: {gateway: {procesLimit: 10}}
        regions: {north: {gateway: {workers: 4}}, south: {}}
        """);
    assertThat(p).hasSize(1);
    assertThat(p.get(0)).startsWith("s.yaml:4:22: defaults.gateway.procesLimit: unknown key (did you mean processLimit?)");
  }

  @Test
  void theTopLevelListsTheAnalysisKeysAmongTheAcceptedOnes() {
    assertThat(problems(HEAD + "regions: {north: {}}\nvaraints: {}\n")).containsExactly(
        "s.yaml:5:1: varaints: unknown key (did you mean variants?); accepted: name, description, seed, timeZone,"
            + " start, end, workloadScale, reporting, profiles, defaults, regions, faults, operations, devices,"
            + " replications, expect, observed, variants");
  }

  @Test
  void overridesAreCheckedLikeTheFile(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("ok.yaml");
    Files.writeString(f, region("gateway: {processLimit: 10}"));
    assertThat(ScenarioLoader.load(f, List.of("regions.north.gateway.processLimit=20")).regions().values()
        .iterator().next().gateway().processLimit()).isEqualTo(20);
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of("regions.north.gateway.processLimt=20")))
        .hasMessage("--set regions.north.gateway.processLimt=20: regions.north.gateway.processLimt: unknown key "
            + "(did you mean processLimit?); accepted: processLimit, workers, queueLimit, serviceTime, deviceLatency, "
            + "noResponseProbability, responseTimeout");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of("nope")))
        .hasMessage("--set nope: expected path=value, e.g. regions.north.reaper.period=1h");
    assertThatThrownBy(() -> ScenarioLoader.load(f, List.of("faults[3].at=1h")))
        .hasMessage("--set faults[3].at=1h: faults[3].at: no list item faults[3] to override");
  }

  @Test
  void fileProblems(@TempDir Path dir) throws IOException {
    assertThatThrownBy(() -> ScenarioLoader.load(dir.resolve("missing.yaml")))
        .hasMessage(dir.resolve("missing.yaml") + ": no such file");
    Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
    assertThatThrownBy(() -> ScenarioLoader.load(empty)).hasMessage(empty + ": the file is empty");
    Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});
    assertThatThrownBy(() -> ScenarioLoader.load(latin1)).hasMessage(latin1 + ": not UTF-8 text");
  }
}
