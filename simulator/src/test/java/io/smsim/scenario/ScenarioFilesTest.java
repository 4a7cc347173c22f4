package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every scenario shipped in {@code scenarios/} loads without a problem. */
class ScenarioFilesTest {

  @Test
  void everyShippedScenarioLoads() throws Exception {
    Path dir = Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path f : files) {
      Scenario scenario = ScenarioLoader.load(f);
      assertThat(scenario.regions()).as(f.toString()).isNotEmpty();
    }
  }
}
