package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCommandTest {

  @TempDir
  Path dir;

  @Test
  void passesWhenEveryExpectationHolds() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli r = Cli.run("check", scenario.toString());
    assertThat(r.status()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("ok     " + scenario + ":41:9: variant reaper: regions.north.birthingEvents.impacted: "
        + "expected each replication equals 0, actual 0",
        scenario + ": ok · 4 expectations, 0 breached · 3 replications, seed 7");
  }

  @Test
  void failsWithOneLinePerBreachSayingMetricExpectedAndActual() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Files.writeString(scenario, Files.readString(scenario).replace(
        "  - {metric: regions.north.incidents, atLeast: 1}",
        "  - {metric: regions.north.incidents, atLeast: 1}\n"
            + "  - {metric: regions.north.birthingEvents.impacted, atMost: 5}\n"
            + "  - {metric: regions.north.outageMinutes, of: ci, between: [0, 3]}\n"
            + "  - {metric: \"regions.north.incidents[0].resolvedBy\", equals: failover}"));
    Cli r = Cli.run("check", scenario.toString(), "--quiet");

    assertThat(r.status()).isEqualTo(1);
    List<String> breaches = r.out().lines().filter(l -> l.startsWith("BREACH")).toList();
    assertThat(breaches).hasSize(3);
    assertThat(breaches.get(0)).matches("BREACH .*small-leak.yaml:28:5: as written: regions.north.birthingEvents.impacted: "
        + "expected each replication at most 5, actual \\d+ in replication 0");
    assertThat(breaches.get(1)).matches(".*:29:5: as written: regions.north.outageMinutes: expected the 95% CI between "
        + "\\[0, 3], actual [\\d.]+ \\[[\\d.]+, [\\d.]+] \\(n 3\\)");
    assertThat(breaches.get(2)).endsWith(":30:5: as written: regions.north.incidents[0].resolvedBy: expected each "
        + "replication equals failover, actual restart in replication 0");
    assertThat(r.out()).contains("FAILED · 7 expectations, 3 breached");
  }

  @Test
  void reportsABadFileWithExitTwo() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Files.writeString(scenario, Files.readString(scenario).replace("regions.north.incidents,", "regions.north.incidnts,"));
    Cli r = Cli.run("check", scenario.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("small-leak.yaml:27:14: expect[0].metric: unknown metric \"incidnts\" (did you mean "
        + "incidents?)");
  }

  /**
   * The scenarios folder doubles as a regression suite; one replication keeps this test fast (CI checks
   * skip). A scenario that states no expectation is not a pass (check exits 1, "nothing checked");
   * it is still replayed, at 5% of its volume (the national week would otherwise take minutes).
   */
  @Test
  void everyScenarioInTheScenariosFolderMeetsItsOwnExpectations() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Cli.scenarios())) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Cli r = Cli.run("check", file.toString(), "--replications", "1");
      if (!Files.readString(file).contains("\nexpect:") && !Files.readString(file).contains("  expect:")) {
        // a file without expectations is not a pass: check says so, exits 1 and simulates nothing
        assertThat(r.status()).as(file + "\n" + r.out() + r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(r.out()).contains(file + ": nothing checked · no expectations");
        Path out = Files.createTempDirectory("smsim-check-replay");
        Cli replay = Cli.run("replay", file.toString(), "--set", "workloadScale=0.05", "--no-report", "--quiet",
            "--out", out.toString());
        assertThat(replay.status()).as(file + "\n" + replay.err()).isZero();
        continue;
      }
      assertThat(r.status()).as(file + "\n" + r.out() + r.err()).isZero();
      assertThat(r.out()).doesNotContain("BREACH").contains(file + ": ok · ");
    }
  }
}
