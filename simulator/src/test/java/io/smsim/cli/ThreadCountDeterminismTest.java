package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Results must not depend on the number of threads or on which run finishes first. */
class ThreadCountDeterminismTest {

  @TempDir
  Path dir;

  @Test
  void compareWritesTheSameBytesWithOneThreadAndWithTwo() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    for (int threads : new int[] {1, 2}) {
      Cli r = Cli.run("compare", scenario.toString(), "--replications", "4", "--threads", Integer.toString(threads),
          "--out", dir.resolve("t" + threads).toString(), "--quiet");
      assertThat(r.status()).as(r.err()).isZero();
    }
    assertThat(Files.readAllBytes(dir.resolve("t1/compare.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("t2/compare.csv")));
    assertThat(withoutWallFields(dir.resolve("t1/compare.json"))).isEqualTo(withoutWallFields(dir.resolve("t2/compare.json")));
    assertThat(Files.readString(dir.resolve("t1/compare.json"))).contains("\"wallThreads\" : 1");
  }

  @Test
  void sweepWritesTheSameBytesWithOneThreadAndWithTwo() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    for (int threads : new int[] {1, 2}) {
      Cli r = Cli.run("sweep", scenario.toString(), "--param", "regions.north.reaper.period=none,1h",
          "--param", "workloadScale=0.8,1", "--replications", "2", "--threads", Integer.toString(threads),
          "--out", dir.resolve("s" + threads).toString(), "--quiet");
      assertThat(r.status()).as(r.err()).isZero();
    }
    assertThat(Files.readAllBytes(dir.resolve("s1/sweep.csv"))).isEqualTo(Files.readAllBytes(dir.resolve("s2/sweep.csv")));
    assertThat(withoutWallFields(dir.resolve("s1/sweep.json"))).isEqualTo(withoutWallFields(dir.resolve("s2/sweep.json")));
  }

  static List<String> withoutWallFields(Path json) throws IOException {
    return Files.readAllLines(json).stream().filter(l -> !l.trim().startsWith("\"wall")).collect(Collectors.toList());
  }
}
