package io.smsim.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Brent's method fits one parameter; the result, calibration.json included, is the same on one
 * thread as on two (wall-clock fields aside).
 */
class CalibrationDeterminismTest {

  @TempDir
  Path dir;

  private String json(int threads) throws IOException {
    ScenarioFile file = ScenarioFile.fromString("small-leak.yaml", RecoversKnownParametersTest.yaml()
        + "observed:\n  - {metric: regions.north.firstIncident.startMinutes, value: 300, uncertainty: 1}\n", List.of());
    CalibrationResult r = Calibration.run(file, List.of(FitParameter.parse("faults[0].probability=0.02..0.12")),
        new Calibration.Settings(7, 4, threads, Method.BRENT, 40), line -> { });
    Path out = dir.resolve("c" + threads + ".json");
    CalibrationFiles.writeJson(r, out);
    assertThat(r.parameters().get(0).fitted()).isBetween(0.02, 0.12);
    assertThat(Math.abs(r.facts().get(0).z())).isLessThan(0.5);
    return String.join("\n", Files.readAllLines(out).stream().filter(l -> !l.trim().startsWith("\"wall")).toList());
  }

  @Test
  void oneParameterIsFittedByBrentAndTheThreadCountChangesNothing() throws IOException {
    assertThat(json(1)).isEqualTo(json(2)).contains("\"optimiser\" : \"brent\"");
  }
}
