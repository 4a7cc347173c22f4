package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

  private static final String SMALL = """
      name: small
      timeZone: UTC
      start: 2020-01-06T00:00:00Z
      end: 2020-01-06T06:00:00Z
      regions:
        north:
          workload:
            onDemand: {perDay: 100000, mix: {"4.1.1": 1}}
      """;

  record Run(int status, String out, String err) {
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(status, out.toString(), err.toString());
  }

  @Test
  void replayPrintsTheSummaryAndWritesTheFiles(@TempDir Path dir) throws IOException {
    Path s = Files.writeString(dir.resolve("small.yaml"), SMALL);
    Run r = run("replay", s.toString(), "--out", dir.resolve("o").toString(), "--seed", "5");
    assertThat(r.status()).isZero();
    assertThat(r.out()).contains("small · seed 5", "north", "events/s", "requests/s");
    assertThat(dir.resolve("o/summary.json")).exists();
    assertThat(Files.readAllLines(dir.resolve("o/timeline.csv"))).hasSize(1 + 24 * 2)
        .first().asString().startsWith("interval_start,");
    assertThat(Files.readString(dir.resolve("o/summary.json"))).contains("\"seed\" : 5", "\"north\"",
        "\"virtualStart\" : \"2020-01-06T00:00:00Z\"");
  }

  @Test
  void aBadScenarioGivesOneLinePerProblemExitTwoAndNoStackTrace(@TempDir Path dir) throws IOException {
    Path s = Files.writeString(dir.resolve("bad.yaml"), SMALL.replace("perDay: 100000", "perDay: lots"));
    Run r = run("replay", s.toString(), "--out", dir.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip())
        .isEqualTo("smsim: " + s + ":8:26: regions.north.workload.onDemand.perDay: not a number: lots");
    Run debug = run("replay", s.toString(), "--debug");
    assertThat(debug.status()).isEqualTo(2);
    assertThat(debug.err()).contains("ScenarioException", "at io.smsim");
  }

  @Test
  void badOptionsExitTwoWithOneClearLine() {
    Run r = run("replay", "x.yaml", "--seed", "abc");
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).startsWith("smsim: Invalid value for option '--seed': not a whole number (e.g. 42): abc");
    assertThat(run("replya").status()).isEqualTo(2);
    assertThat(run("replay").err()).contains("Missing required parameter: 'SCENARIO'");
  }

  @Test
  void validateReportsEachFile(@TempDir Path dir) throws IOException {
    Path good = Files.writeString(dir.resolve("good.yaml"), SMALL);
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\n");
    Run r = run("validate", good.toString(), bad.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.out()).contains(good + ": ok (small, 1 region, 0 faults)");
    assertThat(r.err()).contains("smsim: " + bad + ":1:1: start: is required");
    assertThat(run("validate", good.toString()).status()).isZero();
  }
}
