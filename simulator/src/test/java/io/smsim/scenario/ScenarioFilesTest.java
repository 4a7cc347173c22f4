package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every scenario shipped in scenarios/ loads without a problem. */
class ScenarioFilesTest {

  static List<Path> scenarioFiles() throws IOException {
    Path dir = Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> list = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      assertThat(list).isNotEmpty();
      return list;
    }
  }

  @ParameterizedTest
  @MethodSource("scenarioFiles")
  void validates(Path file) {
    Scenario s = ScenarioLoader.load(file);
    assertThat(s.name()).isNotBlank();
    assertThat(s.regions()).isNotEmpty();
    assertThat(s.regions().values()).allSatisfy(r -> assertThat(r.workload()).isNotEmpty());
  }
}
