package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Settings are written into the scenario's own text: in place where they are written, under their
 * region when they come from defaults, in the parent's style; comments and layout stay; each
 * changed line is marked; the notes at the top replace earlier ones.
 */
class SettingsWriterTest {

  private static final String YAML = """
      # A scenario.
      # Second line of the opening comment.
      name: x
      defaults:
        monitoring:
          reportDelay: 14m     # [calibrated] by hand
      regions:
        north:
          gateway:
            processLimit: 30000
          workload:
            install: {perDay: 500, journey: ["8.14.1"], thinkTime: 1m}   # [public] volumes
      faults:
        - kind: leak
          region: north
          probability: 0.0805  # [calibrated] to the default seed
          lifetime: {dist: exponential, mean: "30h"}
      """;

  private static String write(List<SettingsWriter.Edit> edits, List<String> notes) {
    return SettingsWriter.rewrite(YAML, edits, notes);
  }

  @Test
  void aWrittenValueIsReplacedWhereItStandsAndItsCommentReplaced() {
    String out = write(List.of(new SettingsWriter.Edit("faults[0].probability", "0.1123", "[calibrated] fitted"),
        new SettingsWriter.Edit("faults[0].lifetime.mean", "97200s", "[calibrated] fitted too")), List.of());
    assertThat(out).contains("    probability: 0.1123  # [calibrated] fitted\n")
        .contains("    lifetime: {dist: exponential, mean: 97200s}  # [calibrated] fitted too\n")
        .doesNotContain("to the default seed");
    assertThat(out.lines().count()).isEqualTo(YAML.lines().count());
  }

  @Test
  void aValueInAFlowMappingKeepsTheRestOfTheLine() {
    String out = write(List.of(new SettingsWriter.Edit("regions.north.workload.install.perDay", "412.5", "[calibrated] c")),
        List.of());
    assertThat(out).contains("    install: {perDay: 412.5, journey: [\"8.14.1\"], thinkTime: 1m}   # [calibrated] c\n");
  }

  @Test
  void aRegionsValueThatComesFromDefaultsIsInsertedUnderTheRegion() {
    String out = write(List.of(new SettingsWriter.Edit("regions.north.monitoring.reportDelay", "807s", "[calibrated] d"),
        new SettingsWriter.Edit("regions.north.workload.install.scale", "2", "[calibrated] e")), List.of());
    assertThat(out).contains("""
          north:
            monitoring:
              reportDelay: 807s  # [calibrated] d
            gateway:
        """);
    assertThat(out).contains("install: {perDay: 500, journey: [\"8.14.1\"], thinkTime: 1m, scale: 2}   # [calibrated] e");
    assertThat(out).contains("    reportDelay: 14m     # [calibrated] by hand\n");
    YamlNode north = ((YamlNode.Mapping) ((YamlNode.Mapping) YamlReader.read("out.yaml", out))
        .entries().get("regions")).entries().get("north");
    assertThat(((YamlNode.Mapping) north).entries()).containsOnlyKeys("monitoring", "gateway", "workload");
  }

  @Test
  void theNotesFollowTheOpeningCommentAndReplaceEarlierOnes() {
    String once = write(List.of(), List.of(SettingsWriter.HEADER_START.substring(2) + "(first) ----", "one",
        SettingsWriter.HEADER_END.substring(2)));
    assertThat(once).startsWith("# A scenario.\n# Second line of the opening comment.\n#\n# ---- calibrated by smsim "
        + "calibrate (first) ----\n# one\n# ---- end of calibration notes\nname: x\n");
    String twice = SettingsWriter.rewrite(once, List.of(), List.of(SettingsWriter.HEADER_START.substring(2)
        + "(second) ----", "two", SettingsWriter.HEADER_END.substring(2)));
    assertThat(twice).contains("(second)").doesNotContain("(first)").doesNotContain("# one\n");
  }

  @Test
  void aPathThatCannotBePlacedIsRefused() {
    assertThatThrownBy(() -> write(List.of(new SettingsWriter.Edit("faults[3].probability", "0.1", "c")), List.of()))
        .hasMessageContaining("faults[3].probability: the scenario has no list item [3] to set");
    assertThatThrownBy(() -> write(List.of(new SettingsWriter.Edit("regions.north", "1", "c")), List.of()))
        .hasMessageContaining("regions.north is not a single value");
  }
}
