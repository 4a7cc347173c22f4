package io.smsim.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.analysis.CompareFiles;
import io.smsim.analysis.Comparison;
import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Runner;
import io.smsim.report.StudyReports;
import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run depends only on (scenario, seed, replication), so Spark may run a task again: the first
 * attempt of one task fails after its run (as on a lost executor), Spark retries it
 * ({@code local[2,2]}: two attempts per task), and the compare's files are the local run's bytes.
 * The task chosen is replication 0 of the baseline, the one run that travels back in full.
 */
@Tag("spark")
class TaskRetryOnSparkTest {

  private static final int REPLICATIONS = 4;
  private static final long DEADLINE_NANOS = 60_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void aTaskThatFailsOnceIsRetriedAndTheCompareIsTheLocalOne() throws IOException, InterruptedException {
    ScenarioFile file = Scenarios.smallLeak();
    Comparison local = compare(file, ReplicationRunner.threads(2), null);
    List<Integer> progress = Collections.synchronizedList(new ArrayList<>());
    Comparison retried;
    try (LocalSpark spark = LocalSpark.start("local[2,2]")) {
      retried = compare(file, LocalSpark.failingOnce(spark.runner(), 0, 0), (done, total) -> progress.add(done));
      int total = file.variants().size() * REPLICATIONS;
      awaitUntil(() -> spark.failedAttempts() >= 1 && progress.contains(total));
      assertThat(spark.failedAttempts()).as("failed attempts").isEqualTo(1);
      assertThat(progress).as("each run counted once, the retried one too").doesNotHaveDuplicates()
          .allMatch(d -> d >= 1 && d <= total);
    }
    SameOutputs.assertSame(write(local, "local"), write(retried, "spark"));
  }

  @Test
  void withoutRetriesTheSameFailureFailsTheStudy() {
    ScenarioFile file = Scenarios.smallLeak();
    try (LocalSpark spark = LocalSpark.start("local[2]")) {
      Runner failing = LocalSpark.failingOnce(spark.runner(), 0, 0);
      assertThatThrownBy(() -> compare(file, failing, null)).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the Spark job failed").hasMessageContaining("injected failure");
    }
  }

  private static Comparison compare(ScenarioFile file, Runner runner, Runner.Listener listener) {
    return Comparison.run(file.scenario().name(), file.source(), file.variants(), 0, file.scenario().seed(),
        REPLICATIONS, runner, listener);
  }

  private Path write(Comparison c, String name) throws IOException {
    Path out = Files.createDirectories(dir.resolve(name));
    CompareFiles.writeCsv(c, out.resolve("compare.csv"));
    CompareFiles.writeJson(c, out.resolve("compare.json"));
    StudyReports.compare(c, out);
    return out;
  }

  private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + DEADLINE_NANOS;
    while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(10); // Spark's listener bus reports task ends asynchronously
    }
  }
}
