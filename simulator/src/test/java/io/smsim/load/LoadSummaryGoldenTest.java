package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.GoldenFiles;
import io.smsim.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smsim load}'s summary.json, pinned by a golden copy ({@link GoldenFiles}): every key, the
 * counts and the run's set-up. What a run measures in real time (latencies, the lateness of sends,
 * how many awaited an acknowledgement) is masked, as are the {@code wall*} fields and the stub's
 * ephemeral port; the counts are fixed by the constant rate, the duration and the seed.
 */
class LoadSummaryGoldenTest {

  private static final Set<String> MEASURED_SENDS = Set.of("late", "maxLatenessMs", "maxAwaitingAck", "blocked");

  @Test
  void anAckOnlyRunWritesTheGoldenSummary(@TempDir Path dir) throws Exception {
    try (StubTarget stub = new StubTarget()) {
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = Main.run(new String[] {"load", "--target", stub.url() + "/api/v1/serviceS", "--rate", "50",
          "--duration", "1s", "--ack-only", "--threads", "1", "--connections", "2", "--grace", "0s", "--seed", "1",
          "--slo", "errors<=0,rate>=1/s", "--no-report", "--quiet", "--out", dir.toString()},
          new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(exit).as(out + "" + err).isZero();
      new GoldenFiles(dir).replacing(stub.url().toString(), "http://127.0.0.1:<port>")
          .assertJson("load/summary.json", dir.resolve("summary.json"), (path, field) ->
              (path.startsWith("/latencyMs") || path.endsWith("e2eMs")) && !field.equals("count")
              || path.equals("/sends") && MEASURED_SENDS.contains(field));
    }
  }
}
