package io.smsim.spark;

import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The small, fast test scenario {@code small-leak.yaml} (one region, twelve hours, a leak; three variants). */
final class Scenarios {

  private Scenarios() {
  }

  static String smallLeakYaml() {
    try (InputStream in = Scenarios.class.getResourceAsStream("/io/smsim/analysis/small-leak.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ScenarioFile smallLeak() {
    return ScenarioFile.fromString("small-leak.yaml", smallLeakYaml(), List.of());
  }
}
