package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smsim calibrate}: one line per point on stderr, the fitted values and the observed vs
 * simulated table on stdout, calibration.json, and the calibrated scenario next to the original
 * with the value marked; bad input is found before anything runs.
 */
class CalibrateCommandTest {

  @TempDir
  Path dir;

  private Path scenario(String observed) throws IOException {
    Path file = Cli.smallLeak(dir);
    Files.writeString(file, Files.readString(file) + observed);
    return file;
  }

  @Test
  void fitsWritesTheTablesTheJsonAndTheMarkedScenario() throws IOException {
    Path file = scenario("observed:\n  - {metric: regions.north.firstIncident.startTimeOfDay, value: \"05:00\", "
        + "uncertainty: 1m}\n");
    Cli r = Cli.run("calibrate", file.toString(), "--fit", "faults[0].probability=0.02..0.1", "-n", "3",
        "--max-evaluations", "20", "--out", dir.resolve("out").toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.err().lines()).allMatch(l -> l.startsWith("calibrate: #")).anyMatch(l -> l.contains(" fit "));
    assertThat(r.out()).contains("small-leak · calibrate · seed 7 · 3 replications per point, common random numbers · "
        + "brent").containsPattern("faults\\[0]\\.probability\\s+0\\.02\\.\\.0\\.1\\s+0\\.05\\s+0\\.0\\d+\\s+\\[")
        .containsPattern("regions\\.north\\.firstIncident\\.startTimeOfDay\\s+05:00 ± 1m\\s+0[45]:\\d\\d");
    Path calibrated = dir.resolve("small-leak.calibrated.yaml");
    assertThat(r.out().lines().filter(l -> l.startsWith("wrote ")).findFirst()).hasValueSatisfying(l -> assertThat(l)
        .contains(calibrated.toString()).contains("calibration.json"));
    String yaml = Files.readString(calibrated);
    assertThat(yaml).contains("# ---- calibrated by smsim calibrate (weighted least squares, brent; seed 7, 3 "
        + "replications per point, common random numbers) ----")
        .containsPattern("probability: 0\\.0\\d+}  # \\[calibrated] by smsim calibrate against observed: ");
    JsonNode json = new ObjectMapper().readTree(dir.resolve("out/calibration.json").toFile());
    assertThat(json.path("parameters").get(0).path("written").asText())
        .isEqualTo(yaml.replaceAll("(?s).*probability: (0\\.0\\d+)}.*", "$1"));
    assertThat(json.path("facts").get(0).path("simulated").path("n").asInt()).isEqualTo(3);
    assertThat(Cli.run("check", calibrated.toString()).status()).isZero();
  }

  @Test
  void badInputIsReportedBeforeAnythingRuns() throws IOException {
    Path none = Cli.smallLeak(dir);
    Cli noFacts = Cli.run("calibrate", none.toString(), "--fit", "faults[0].probability=0.02..0.1");
    assertThat(noFacts.status()).isEqualTo(2);
    assertThat(noFacts.err()).contains("has no observed: facts to fit");

    Path file = dir.resolve("with-facts.yaml");
    Files.writeString(file, Files.readString(none) + "observed:\n  - {metric: regions.north.incidents, value: 1}\n");
    Cli badRange = Cli.run("calibrate", file.toString(), "--fit", "faults[0].probability=0.2..0.1");
    assertThat(badRange.status()).isEqualTo(2);
    assertThat(badRange.err()).contains("LOW must be less than HIGH");
    Cli badPath = Cli.run("calibrate", file.toString(), "--fit", "faults[0].probablity=0.02..0.1");
    assertThat(badPath.status()).isEqualTo(2);
    assertThat(badPath.err()).contains("--fit faults[0].probablity=0.02: faults[0].probablity: unknown key (did you mean"
        + " probability?)").doesNotContain("calibrate: #");
    Cli mixed = Cli.run("calibrate", file.toString(), "--fit", "faults[0].probability=1%..5m");
    assertThat(mixed.status()).isEqualTo(2);
    assertThat(mixed.err()).contains("the bounds must both be numbers (0.05, 5%) or both durations (5m, 90s)");
  }
}
