package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.GoldenFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every machine-readable file of the simulation commands, pinned by golden copies
 * ({@link GoldenFiles}: {@code wall*} fields and JUnit times masked) for one small fixed scenario
 * ({@code golden/scenario.yaml}: one region, twelve hours, a leak, a restart after detection, two
 * variants): replay's summary.json and timeline.csv, replications.json and .csv, compare.json and
 * .csv, sweep.json and .csv, check.json and check's JUnit XML. The runs are deterministic, so any
 * difference is a change of format or of model. Regenerate on purpose:
 * {@code mvn -B -q -pl simulator test -Dtest='*Golden*' -Dsmsim.golden.update=true}.
 */
class GoldenOutputsTest {

  @TempDir
  Path dir;
  private Path scenario;
  private GoldenFiles golden;

  @BeforeEach
  void copyTheScenario() throws IOException {
    golden = new GoldenFiles(dir);
    scenario = dir.resolve("golden.yaml");
    try (InputStream in = GoldenOutputsTest.class.getResourceAsStream("/golden/scenario.yaml")) {
      Files.copy(in, scenario);
    }
  }

  @Test
  void replayWritesTheGoldenSummaryAndTimeline() throws IOException {
    Path out = run("replay", "--no-report");
    golden.assertJson("replay/summary.json", out.resolve("summary.json"));
    golden.assertCsv("replay/timeline.csv", out.resolve("timeline.csv"));
  }

  @Test
  void replicationsWriteTheGoldenFiles() throws IOException {
    Path out = run("replay", "--replications", "3", "--no-report");
    golden.assertJson("replications/replications.json", out.resolve("replications.json"));
    golden.assertCsv("replications/replications.csv", out.resolve("replications.csv"));
    golden.assertJson("replications/summary.json", out.resolve("summary.json"));
  }

  @Test
  void compareWritesTheGoldenFiles() throws IOException {
    Path out = run("compare", "--replications", "2", "--no-report");
    golden.assertJson("compare/compare.json", out.resolve("compare.json"));
    golden.assertCsv("compare/compare.csv", out.resolve("compare.csv"));
  }

  @Test
  void sweepWritesTheGoldenFiles() throws IOException {
    Path out = run("sweep", "--replications", "2", "--param", "regions.north.reaper.period=30m,2h", "--no-report");
    golden.assertJson("sweep/sweep.json", out.resolve("sweep.json"));
    golden.assertCsv("sweep/sweep.csv", out.resolve("sweep.csv"));
  }

  @Test
  void checkWritesTheGoldenJsonAndJUnitXml() throws IOException {
    Path junit = dir.resolve("check.xml");
    Path out = run("check", "--replications", "2", "--junit", junit.toString());
    golden.assertJson("check/check.json", out.resolve("check.json"));
    golden.assertJUnitXml("check/check.xml", junit);
  }

  /** Runs {@code command} on the scenario into a fresh directory; returns it. */
  private Path run(String command, String... options) {
    Path out = dir.resolve(command + "-" + options.length);
    String[] args = new String[options.length + 6];
    args[0] = command;
    args[1] = scenario.toString();
    System.arraycopy(options, 0, args, 2, options.length);
    args[options.length + 2] = "--out";
    args[options.length + 3] = out.toString();
    args[options.length + 4] = "--threads";
    args[options.length + 5] = "2";
    Cli r = Cli.run(args);
    assertThat(r.status()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isIn(Main.EXIT_OK,
        Main.EXIT_CHECK_FAILED);
    return out;
  }
}
