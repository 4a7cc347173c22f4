package io.smsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.analysis.CompareFiles;
import io.smsim.analysis.Comparison;
import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Runner;
import io.smsim.analysis.Sweep;
import io.smsim.analysis.SweepFiles;
import io.smsim.analysis.SweepParam;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No shared filesystem: executors bind each point from the scenario text shipped with the task and
 * read the traces shipped with the job, never the files the driver read (deleted here before the
 * runs start); a scenario that cannot be bound again from its file is refused before Spark starts.
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

    SameOutputs.assertSame(write(local, "local"), write(shipped, "spark"));
  }

  @Test
  void tracesTravelWithTheJobAndEveryVariantReadsItsOwn() throws IOException {
    Path traces = Files.createDirectories(dir.resolve("traces"));
    Path trace = Files.copy(Repo.scenarios().resolve("example-outage-traffic.csv"),
        dir.resolve("example-outage-traffic.csv"));
    Files.copy(trace, traces.resolve("half.csv"));
    Path yaml = Files.writeString(dir.resolve("example-outage.yaml"),
        withoutVariants(Files.readString(Repo.scenarios().resolve("example-outage.yaml"))) + """
            variants:
              recorded: {description: the trace as recorded}
              half-on-demand:
                set: {regions.south.workload.onDemand.trace: {file: traces/half.csv, scale: 0.5}}
            """);
    ScenarioFile file = ScenarioFile.load(yaml, List.of());
    Comparison local = compare(file, ReplicationRunner.threads(2));
    SparkRunner spark = (SparkRunner) ScenarioShippingSparkTest.spark.runner();
    List<Path> originals = List.of(yaml, trace, traces.resolve("half.csv"));
    Runner deletingBeforeTheRuns = new Runner() {
      @Override
      public <T extends Serializable> List<List<T>> run(List<Scenario> points, long seed, int replications,
          Keep<T> keep, Listener listener) {
        SparkRunner.Job<T> job = spark.prepare(points, seed, replications, keep);
        assertThat(job.inputs().size()).as("files shipped").isEqualTo(2);
        for (Path p : originals) {
          delete(p);
        }
        return spark.execute(job, listener);
      }

      @Override
      public int parallelism() {
        return spark.parallelism();
      }

      @Override
      public String describe() {
        return spark.describe();
      }
    };

    Comparison shipped = compare(file, deletingBeforeTheRuns);

    assertThat(originals).allMatch(p -> !Files.exists(p));
    Path a = Files.createDirectories(dir.resolve("local"));
    Path b = Files.createDirectories(dir.resolve("spark"));
    CompareFiles.writeJson(local, a.resolve("compare.json"));
    CompareFiles.writeJson(shipped, b.resolve("compare.json"));
    SameOutputs.assertSame(a, b);
    // the variant read its own trace: half the on-demand traffic
    int requests = local.indexOf(MetricPath.of(Region.SOUTH, "requests.total"));
    assertThat(local.points().get(1).stat(requests).mean()).isLessThan(0.8 * local.points().get(0).stat(requests).mean());
  }

  /** The scenario's text up to its own {@code variants:} block (the last top-level key), so the test's replace it. */
  private static String withoutVariants(String text) {
    int at = text.indexOf("\nvariants:");
    return at < 0 ? text : text.substring(0, at + 1);
  }

  private static Comparison compare(ScenarioFile file, Runner runner) {
    return Comparison.run(file.scenario().name(), file.source(), file.variants(), 0, 1, 2, runner, null);
  }

  private static void delete(Path p) {
    try {
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
