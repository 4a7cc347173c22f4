package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --spark} is refused with a clear message, exit 2 and before any run, when it cannot
 * apply: with {@code --threads}, on a single replay, and where Spark is not on the classpath (as
 * with {@code java -jar smsim.jar}; the default surefire execution runs without Spark's jars).
 */
class SparkOptionsTest {

  @TempDir
  Path dir;

  @Test
  void sparkWithoutSparkOnTheClasspathSaysHowToGetIt() throws IOException {
    assumeFalse(sparkOnClasspath(), "Spark is on this JVM's classpath (only the spark-test surefire execution has it)");
    Cli r = Cli.run("compare", Cli.smallLeak(dir).toString(), "--spark", "--out", dir.resolve("o").toString());
    assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("--spark needs Apache Spark on the classpath").contains("spark-submit")
        .contains("./smsim").doesNotContain("Exception");
    assertNothingWritten(dir.resolve("o"));
  }

  @Test
  void threadsAndSparkTogetherAreRefused() throws IOException {
    Cli r = Cli.run("sweep", Cli.smallLeak(dir).toString(), "--param", "workloadScale=1,2", "--threads", "2",
        "--spark-master", "local[2]", "--out", dir.resolve("o").toString());
    assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("--threads does not apply with --spark");
    assertNothingWritten(dir.resolve("o"));
  }

  @Test
  void aSingleReplayOnSparkIsRefused() throws IOException {
    Cli r = Cli.run("replay", Cli.smallLeak(dir).toString(), "--spark", "--out", dir.resolve("o").toString());
    assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("--replications N");
    assertNothingWritten(dir.resolve("o"));
  }

  @Test
  void anEmptyMasterIsRefused() throws IOException {
    Cli r = Cli.run("check", Cli.smallLeak(dir).toString(), "--spark-master", " ");
    assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err()).contains("--spark-master must name a master");
  }

  /** No output file (the output directory itself may be prepared early, to report a bad --out first). */
  private static void assertNothingWritten(Path out) throws IOException {
    if (Files.exists(out)) {
      try (Stream<Path> files = Files.list(out)) {
        assertThat(files).isEmpty();
      }
    }
  }

  private static boolean sparkOnClasspath() {
    try {
      Class.forName("org.apache.spark.SparkContext", false, SparkOptionsTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }
}
