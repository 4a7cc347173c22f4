package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import io.smsim.workload.CategoryLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
   * Messages a scenario may simulate in this test; a larger one (the national day and week) is checked at
   * a reduced workloadScale. Far above the seed incident's volume (about 4M messages), whose expectations
   * are tied to its volume: the outage emerges from leak accumulation under the day's traffic.
   */
  private static final double MAX_MESSAGES = 2e7;

  /**
   * The scenarios folder doubles as a regression suite: every file is replayed by {@code check} (one
   * replication), and every file states with {@code expect:} what it is meant to show. A file larger
   * than {@link #MAX_MESSAGES} (the national day and week) is checked with its workload scaled down
   * to that size; its expectations are written to hold at any scale. A file without expectations is
   * not a pass (check exits 1, "nothing checked"); only the files listed in {@link #NO_EXPECTATIONS_YET}
   * may lack them, each for its reason, and they are still replayed, at 5% of their volume.
   */
  @Test
  void everyScenarioInTheScenariosFolderMeetsItsOwnExpectations() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Cli.scenarios())) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    List<String> without = new ArrayList<>();
    for (Path file : files) {
      String text = Files.readString(file);
      if (!text.contains("\nexpect:") && !text.contains("  expect:")) {
        without.add(file.getFileName().toString());
        Cli r = Cli.run("check", file.toString(), "--replications", "1");
        assertThat(r.status()).as(file + "\n" + r.out() + r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
        assertThat(r.out()).contains(file + ": nothing checked · no expectations");
        Path out = Files.createTempDirectory("smsim-check-replay");
        Cli replay = Cli.run("replay", file.toString(), "--set", "workloadScale=0.05", "--no-report", "--quiet",
            "--out", out.toString());
        assertThat(replay.status()).as(file + "\n" + replay.err()).isZero();
        continue;
      }
      double messages = messages(ScenarioLoader.load(file));
      List<String> args = new ArrayList<>(List.of("check", file.toString(), "--replications", "1"));
      if (messages > MAX_MESSAGES) {
        args.addAll(List.of("--set", "workloadScale=" + String.format(Locale.ROOT, "%.4f", MAX_MESSAGES / messages)));
      }
      Cli r = Cli.run(args.toArray(String[]::new));
      assertThat(r.status()).as(String.join(" ", args) + "\n" + r.out() + r.err()).isZero();
      assertThat(r.out()).doesNotContain("BREACH").contains(file + ": ok · ");
    }
    assertThat(without).as("scenario files that state no expect:").isSubsetOf(NO_EXPECTATIONS_YET.keySet());
  }

  /** Files that may lack {@code expect:} for now, and why; remove an entry when its file states them. */
  private static final Map<String, String> NO_EXPECTATIONS_YET = Map.of();

  /** The service requests, journeys' steps aside, and device alerts the scenario as written simulates. */
  private static double messages(Scenario scenario) {
    double days = Duration.between(scenario.start(), scenario.end()).toSeconds() / 86_400.0;
    double perDay = 0;
    for (RegionSpec region : scenario.regions().values()) {
      for (CategoryLoad load : region.workload().values()) {
        perDay += load.perDay();
      }
    }
    return perDay * days * scenario.workloadScale();
  }
}
