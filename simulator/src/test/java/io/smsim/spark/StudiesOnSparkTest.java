package io.smsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * compare, sweep, check and replay --replications through the command line, once on two threads and once
 * as Spark tasks in local[2]: the same files, byte for byte (wall-clock fields aside), and the
 * same console tables. The small scenario (one region, twelve hours) keeps each run in tens of
 * milliseconds, so the time goes to Spark itself.
 */
@Tag("spark")
class StudiesOnSparkTest {

  @TempDir
  Path dir;

  @Test
  void compareOnSparkWritesTheFilesAndTablesOfTheLocalRun() throws IOException {
    // three variants (base, same, reaper) x 4 replications
    assertSameOnSpark("compare", "--replications", "4");
  }

  @Test
  void sweepOnSparkWritesTheFilesAndTablesOfTheLocalRun() throws IOException {
    // four points x 2 replications
    assertSameOnSpark("sweep", "--param", "regions.north.reaper.period=none,1h", "--param", "workloadScale=0.8,1",
        "--replications", "2");
  }

  @Test
  void replayReplicationsOnSparkWritesTheFilesAndTablesOfTheLocalRun() throws IOException {
    assertSameOnSpark("replay", "--replications", "4", "--variant", "reaper");
  }

  @Test
  void checkOnSparkGivesTheVerdictsOfTheLocalRun() throws IOException {
    // the scenario's expectations and the reaper variant's (one relative to the baseline, which is the scenario
    // as written): 2 distinct points x 4 replications; check.json and the ok/BREACH lines
    assertSameOnSpark("check", "--replications", "4");
  }

  private void assertSameOnSpark(String command, String... args) throws IOException {
    Path scenario = smallLeak();
    Run local = run(command, scenario, "local", args, "--threads", "2");
    Run spark = run(command, scenario, "spark", args, "--spark-master", "local[2]");
    SameOutputs.assertSame(local.out(), spark.out());
    assertThat(tables(spark)).isEqualTo(tables(local)).isNotEmpty();
    assertThat(spark.console()).contains("on Spark local[2], 2 cores");
  }

  private record Run(Path out, String console) {
  }

  private Run run(String command, Path scenario, String name, String[] args, String... where) {
    Path out = dir.resolve(name);
    List<String> all = new ArrayList<>(List.of(command, scenario.toString(), "--out", out.toString()));
    all.addAll(Arrays.asList(args));
    all.addAll(Arrays.asList(where));
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    int status = Main.run(all.toArray(new String[0]), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertThat(status).as("smsim %s: %s", all, stderr).isZero();
    return new Run(out, stdout.toString());
  }

  /**
   * The console less what measures the machine (timing lines, check's "N runs in S s on WHERE" tail) or names
   * the output directory.
   */
  private static List<String> tables(Run run) {
    return run.console().lines()
        .filter(l -> !l.matches("\\d+ runs in .*") && !l.startsWith("simulated ") && !l.startsWith("wrote "))
        .map(l -> l.replaceFirst(", \\d+ runs in [0-9.]+ s on .*$", ""))
        .toList();
  }

  private Path smallLeak() throws IOException {
    Path file = dir.resolve("small-leak.yaml");
    try (InputStream in = StudiesOnSparkTest.class.getResourceAsStream("/io/smsim/analysis/small-leak.yaml")) {
      Files.copy(in, file);
    }
    return file;
  }
}
