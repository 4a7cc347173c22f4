package io.smsim.analysis;

import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The small, fast test scenario {@code small-leak.yaml} (one region, twelve hours, a leak). */
final class Fixtures {

  private Fixtures() {
  }

  static String smallLeakYaml() {
    try (InputStream in = Fixtures.class.getResourceAsStream("small-leak.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ScenarioFile smallLeak(String... overrides) {
    return ScenarioFile.fromString("small-leak.yaml", smallLeakYaml(), List.of(overrides));
  }
}
