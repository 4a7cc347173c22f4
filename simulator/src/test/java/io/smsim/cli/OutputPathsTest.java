package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output paths are checked before any simulation, and a scenario's name never leads outside {@code out/}. */
class OutputPathsTest {

  private static final String SMALL = """
      name: %s
      timeZone: UTC
      start: 2020-01-06T00:00:00Z
      end: 2020-01-06T02:00:00Z
      regions:
        north:
          workload:
            onDemand: {perDay: 10000, mix: {"4.1.1": 1}}
      variants:
        a: {}
        b: {set: {workloadScale: 2}}
      """;

  @Test
  void anOutDirectoryThatIsAFileOrUnderProcIsBadInputBeforeAnySimulation(@TempDir Path tmp) throws IOException {
    Path s = Files.writeString(tmp.resolve("s.yaml"), SMALL.formatted("small"));
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    for (String out : List.of(file.toString(), "/proc/self/smsim", file.resolve("below").toString())) {
      for (List<String> cmd : List.of(List.of("replay", s.toString()), List.of("compare", s.toString(), "-n", "1"),
          List.of("sweep", s.toString(), "--param", "workloadScale=1,2", "-n", "1"))) {
        List<String> args = new java.util.ArrayList<>(cmd);
        args.addAll(List.of("--out", out));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertThat(r.status()).as("%s", args).isEqualTo(2);
        assertThat(r.err()).as("%s", args).startsWith("smsim: cannot write to " + out + ": ").doesNotContain("\tat ");
        assertThat(r.out()).as("nothing simulated or printed: %s", args).isEmpty();
      }
    }
    assertThat(Files.readString(file)).isEqualTo("x");
  }

  @Test
  void aScenarioNamedLikeAPathWritesUnderOutAndNowhereElse(@TempDir Path tmp) throws Exception {
    Path cwd = Files.createDirectories(tmp.resolve("work/here"));
    for (String name : List.of("\"..\"", "\"../../x\"", "\"/tmp/abs\"", "\".\"")) {
      Path s = Files.writeString(tmp.resolve("s.yaml"), SMALL.formatted(name));
      ForkedCli r = ForkedCli.run(cwd, "256m", 120, "replay", s.toString(), "--no-report", "--quiet");
      assertThat(r.status()).as(r.err()).isZero();
    }
    try (Stream<Path> all = Files.walk(tmp)) {
      assertThat(all.filter(p -> p.getFileName().toString().equals("summary.json")).map(tmp::relativize)
          .map(Path::toString)).containsExactlyInAnyOrder("work/here/out/scenario/summary.json",
              "work/here/out/x/summary.json", "work/here/out/tmp-abs/summary.json");
    }
  }

  @Test
  void aNameWithAControlCharacterIsRefusedAtLoad(@TempDir Path tmp) throws IOException {
    Path s = Files.writeString(tmp.resolve("s.yaml"), SMALL.formatted("\"a\\0b\""));
    Cli r = Cli.run("validate", s.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("smsim: " + s + ":1:7: name: must be one line without control characters: a\\u0000b");
  }
}
