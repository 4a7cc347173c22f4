package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.cli.Main;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A compare and sweeps of the small test scenario ({@code small-leak.yaml}: one region, twelve
 * hours, a leak; tens of milliseconds a replication) run through the command line once per test JVM
 * and shared by the report tests. The compare's variants each stand for one of the seed report's
 * claims: the cron job, the automation failing, application failover, no restart.
 */
final class SmallStudies {

  /** The variants compared: the small scenario's own replaced by one per claim of the seed report. */
  static final String VARIANTS = """
      variants:
        base:
          description: as written
        reaper:
          description: A reaper every 30 minutes, the report's cron job.
          set:
            regions.north.reaper: {period: 30m}
        reaper-fails:
          description: The reaper is configured but does not run ("if the automation fails").
          set:
            regions.north.reaper: {period: 30m}
            faults[+]: {kind: reaper-outage, region: north, at: 2020-01-06T00:00}
        app-failover:
          description: A synthetic health check fails over to the standby.
          set:
            regions.north.failover: {policy: health-check, probe: synthetic, interval: 10s, failureThreshold: 3, switchover: 1m}
        no-restart:
          set:
            regions.north.operator.restartAfterDetection: never
      """;

  static final int REPLICATIONS = 3;

  private static Run compare;
  private static Run sweep;
  private static Run sweep3;

  /** A command's output directory and what it printed. */
  record Run(Path dir, String console) {

    String read(String file) {
      try {
        return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    JsonNode json(String file) {
      try {
        return SeedReplay.JSON.readTree(dir.resolve(file).toFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private SmallStudies() {
  }

  /** {@code smsim compare} of the five variants, 3 replications. */
  static synchronized Run compare() {
    if (compare == null) {
      compare = run("compare", "--replications", Integer.toString(REPLICATIONS));
    }
    return compare;
  }

  /** {@code smsim sweep} of two parameters: reaper period × volume, 2 replications. */
  static synchronized Run sweep() {
    if (sweep == null) {
      sweep = run("sweep", "--param", "regions.north.reaper.period=none,2h,30m", "--param", "workloadScale=0.8,1.2",
          "--replications", "2");
    }
    return sweep;
  }

  /** {@code smsim sweep} of three parameters, for small multiples. */
  static synchronized Run sweep3() {
    if (sweep3 == null) {
      sweep3 = run("sweep", "--param", "regions.north.reaper.period=none,30m", "--param", "workloadScale=0.8,1.2",
          "--param", "regions.north.gateway.processLimit=800,1000", "--replications", "2");
    }
    return sweep3;
  }

  /** Runs the command on the small scenario with {@link #VARIANTS} into a fresh directory. */
  static Run run(String command, String... args) {
    Path dir = SeedReplay.tempDir("smsim-" + command);
    try {
      Path scenario = writeScenario(dir);
      List<String> all = new ArrayList<>(List.of(command, scenario.toString(), "--out", dir.resolve("out").toString()));
      all.addAll(Arrays.asList(args));
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Main.run(all.toArray(new String[0]), new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(status).as("smsim %s exit status; stderr: %s", command, err).isZero();
      return new Run(dir.resolve("out"), out.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** small-leak.yaml with its variants replaced by {@link #VARIANTS}. */
  static Path writeScenario(Path dir) throws IOException {
    String yaml;
    try (InputStream in = SmallStudies.class.getResourceAsStream("/io/smsim/analysis/small-leak.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Path file = dir.resolve("small-leak.yaml");
    Files.writeString(file, yaml.substring(0, yaml.indexOf("\nvariants:") + 1) + VARIANTS);
    return file;
  }

  /**
   * The console's tables ({@code TextTable}: cells two or more spaces apart), each as rows of cells,
   * keyed by the line that introduces them, if any ("difference from base, ...").
   */
  static List<Table> consoleTables(String console) {
    List<Table> tables = new ArrayList<>();
    String title = "";
    List<List<String>> rows = new ArrayList<>();
    for (String line : (console + "\n").split("\n", -1)) {
      if (line.isBlank()) {
        if (!rows.isEmpty()) {
          tables.add(new Table(title, rows));
        }
        title = "";
        rows = new ArrayList<>();
      } else if (line.endsWith(":") && rows.isEmpty()) {
        title = line;
      } else {
        rows.add(Arrays.asList(line.strip().split("\\s{2,}")));
      }
    }
    return tables;
  }

  /** One console table. */
  record Table(String title, List<List<String>> rows) {
  }
}
