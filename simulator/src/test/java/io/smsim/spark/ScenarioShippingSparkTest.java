package io.smsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Runner;
import io.smsim.analysis.Sweep;
import io.smsim.analysis.SweepFiles;
import io.smsim.analysis.SweepParam;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No shared filesystem: executors bind each point from the scenario text shipped with the task,
 * never from the file the driver read, and a scenario that cannot be bound again from its file is
 * refused before Spark starts.
 */
@Tag("spark")
class ScenarioShippingSparkTest {

  private static LocalSpark spark;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    spark = LocalSpark.start("local[2]");
  }

  @AfterAll
  static void stop() {
    spark.close();
  }

  @Test
  void executorsBindTheSweepFromTheShippedTextWithTheFileGone() throws IOException {
    Path yaml = Files.writeString(dir.resolve("small-leak.yaml"), Scenarios.smallLeakYaml());
    ScenarioFile file = ScenarioFile.load(yaml, List.of("regions.north.operator.restartAfterDetection=6m"));
    List<SweepParam> params = List.of(SweepParam.parse("workloadScale=0.9,1.1"));
    Sweep local = Sweep.run(file, file.variant("reaper").orElseThrow(), params, 7, 2, ReplicationRunner.threads(2),
        null);
    Files.delete(yaml);

    Sweep shipped = Sweep.run(file, file.variant("reaper").orElseThrow(), params, 7, 2, spark.runner(), null);

    OutputFiles.assertSame(write(local, "local"), write(shipped, "spark"));
  }

  @Test
  void aScenarioBuiltInCodeIsRefusedBeforeSparkStarts() {
    Scenario s = Scenarios.smallLeak().scenario();
    Scenario built = new Scenario(s.name(), s.description(), s.source(), s.seed(), s.start(), s.end(), s.zone(),
        s.workloadScale(), s.reporting(), s.regions(), s.faults(), s.operations());
    try (Runner never = SparkRunner.start("local[1]", "never started")) {
      assertThatThrownBy(() -> never.run(List.of(built), 7, 1, (p, run) -> run.events(), null))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not bound from a scenario file");
    }
    assertThat(built.origin()).isNull();
  }

  private Path write(Sweep s, String name) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name));
    SweepFiles.writeCsv(s, out.resolve("sweep.csv"));
    SweepFiles.writeJson(s, out.resolve("sweep.json"));
    return out;
  }
}
