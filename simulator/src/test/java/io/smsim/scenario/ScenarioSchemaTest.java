package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped JSON Schema and reference are what the binders' shapes generate, accept every
 * shipped scenario, and reject what the binders reject (a misspelt key, a key of another fault kind).
 */
class ScenarioSchemaTest {

  private static final Path SCENARIOS =
      Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios").toAbsolutePath().normalize();
  private static final String REGENERATE = "the shipped file is stale: regenerate it on purpose with "
      + "'./smsim schema --write scenarios' and review the diff";

  private static Schema schema() {
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(ScenarioSchema.json(), InputFormat.JSON);
  }

  private static List<Path> shipped() throws IOException {
    try (Stream<Path> s = Files.list(SCENARIOS)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void shippedSchemaIsTheGeneratedOne() throws IOException {
    assertThat(Files.readString(SCENARIOS.resolve(ScenarioSchema.FILE_NAME))).as(REGENERATE)
        .isEqualTo(ScenarioSchema.json());
  }

  @Test
  void shippedReferenceIsTheGeneratedOne() throws IOException {
    assertThat(Files.readString(SCENARIOS.resolve(ScenarioSchema.REFERENCE_FILE_NAME))).as(REGENERATE)
        .isEqualTo(ScenarioSchema.reference());
  }

  @Test
  void everyShippedScenarioPointsAtTheSchemaAndPassesIt() throws IOException {
    Schema schema = schema();
    assertThat(shipped()).hasSizeGreaterThanOrEqualTo(4);
    for (Path p : shipped()) {
      String yaml = Files.readString(p, StandardCharsets.UTF_8);
      assertThat(yaml).as(p.toString()).startsWith("# yaml-language-server: $schema=" + ScenarioSchema.FILE_NAME + "\n");
      List<Error> errors = schema.validate(yaml, InputFormat.YAML);
      assertThat(errors).as(p + " against the schema").isEmpty();
    }
  }

  @Test
  void aMisspeltKeyIsRejectedByTheSchemaAsByTheBinder() throws IOException {
    Schema schema = schema();
    String seed = Files.readString(SCENARIOS.resolve("csp-north-2019-04-02.yaml"));
    for (String[] typo : new String[][] {{"processLimit:", "procesLimit:"}, {"\nreporting:", "\nreportng:"},
        {"mergeGap:", "mergeGapp:"}}) {
      String bad = seed.replaceFirst(java.util.regex.Pattern.quote(typo[0]), typo[1]);
      assertThat(bad).isNotEqualTo(seed);
      assertThat(schema.validate(bad, InputFormat.YAML)).as(typo[1]).isNotEmpty();
      assertThatThrownBy(() -> ScenarioFile.fromString("bad.yaml", bad, List.of())).as(typo[1])
          .isInstanceOf(ScenarioException.class).hasMessageContaining("unknown key");
    }
  }

  @Test
  void aKeyOfAnotherKindIsRejectedByBoth() {
    String yaml = """
        name: t
        start: 2019-04-02T10:00
        end: 2019-04-02T11:00
        regions: {north: {}}
        faults:
          - {kind: hardware-failure, region: north, at: 2019-04-02T10:10, probability: 0.5}
        """;
    assertThat(schema().validate(yaml, InputFormat.YAML)).isNotEmpty();
    assertThatThrownBy(() -> ScenarioFile.fromString("k.yaml", yaml, List.of()))
        .hasMessageContaining("faults[0].probability: unknown key");
    String leak = yaml.replace("hardware-failure", "leak");
    assertThat(schema().validate(leak, InputFormat.YAML)).isEmpty();
    ScenarioFile.fromString("k.yaml", leak, List.of());
  }

  @Test
  void readingAnUndeclaredKeyIsAProgrammingError() {
    Shape shape = Shape.of("tiny", "A test shape.").key("a", Shape.Type.DURATION, "0", "A.");
    YamlNode node = YamlReader.read("t.yaml", "a: 1s\nb: 2s\n");
    Fields f = Fields.of(node, new Problems(), shape);
    assertThat(f.duration("a", 0)).isEqualTo(1_000_000_000L);
    assertThatThrownBy(() -> f.duration("b", 0)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("b, which Shape[tiny] does not declare");
  }

  @Test
  void referenceListsEveryKeyWithItsDefault() {
    String md = ScenarioSchema.reference();
    assertThat(md).contains("| `processLimit` | whole number ≥ 1, ≤ 50000000 (processes) | 30000 |")
        .contains("| `probability` | number ≥ 0, ≤ 1 (probability) | 0.01 | Chance a finished child does not "
            + "exit (leak). (kind: leak) |");
  }
}
