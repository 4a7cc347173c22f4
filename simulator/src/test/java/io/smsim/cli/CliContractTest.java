package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command-line contract every command keeps: --version and --help work everywhere and print
 * no picocli warning; errors start with "smsim: "; --format json prints exactly the summary file;
 * JUnit XML loads in Maven's own JUnit report parser; durations use the scenario's grammar.
 */
class CliContractTest {

  @TempDir
  Path dir;

  private static List<String> subcommands() {
    return Main.commandLine().getSubcommands().keySet().stream().filter(n -> !n.equals("help")).toList();
  }

  @Test
  void versionOnEverySubcommandNamesSmsim() {
    assertThat(subcommands()).contains("replay", "check", "load", "serve", "init", "schema", "completion");
    for (String c : subcommands()) {
      Cli r = Cli.run(c, "--version");
      assertThat(r.status()).as(c).isZero();
      assertThat(r.out()).as(c + " --version").startsWith("smsim ");
    }
  }

  @Test
  void helpOfEverySubcommandFormatsWithoutPicocliWarnings() {
    PrintStream saved = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      for (String c : subcommands()) {
        Cli r = Cli.run(c, "--help");
        assertThat(r.status()).as(c).isZero();
        assertThat(r.out()).as(c).contains("Usage: smsim " + c);
        assertThat(r.out() + r.err()).as(c).doesNotContain("picocli WARN");
      }
    } finally {
      System.setErr(saved);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8)).as("picocli's own warnings").doesNotContain("WARN");
    assertThat(Cli.run("replay", "--help").out()).contains("(mean, 95% CI)");
  }

  @Test
  void aDirectoryGivenAsTheScenarioIsNamedAsSuch() {
    Cli r = Cli.run("replay", dir.toString());
    assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo("smsim: " + dir + ": is a directory, not a scenario file (give one of its "
        + ".yaml files)");
    assertThat(Cli.run("validate", dir.resolve("missing.yaml").toString()).err()).contains("no such file");
  }

  @Test
  void everyErrorLineStartsWithSmsim() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nstart: 2020-01-01T00:00\n");
    for (Cli r : List.of(Cli.run("validate", bad.toString()), Cli.run("replay", "--seed", "abc", bad.toString()),
        Cli.run("replay", bad.toString(), "--set", "regions.north.gateway.processLimit"),
        Cli.run("load", "--target", "http://127.0.0.1:1", "--duration", "soon"),
        Cli.run("check", bad.toString(), "--replications", "0"))) {
      assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(r.err().lines().filter(l -> !l.startsWith("Try '")).toList()).as(r.err()).isNotEmpty()
          .allSatisfy(l -> assertThat(l).startsWith("smsim: "));
    }
  }

  @Test
  void durationsOnTheCommandLineUseTheScenarioGrammar() {
    CommandLine.ITypeConverter<java.time.Duration> d = Converters.durations();
    assertThat(convert(d, "1h30m")).isEqualTo(java.time.Duration.ofMinutes(90));
    assertThat(convert(d, "1.5s")).isEqualTo(java.time.Duration.ofMillis(1500));
    assertThat(convert(d, "PT2M")).isEqualTo(java.time.Duration.ofMinutes(2));
    assertThat(convert(d, "250ms")).isEqualTo(java.time.Duration.ofMillis(250));
    Cli load = Cli.run("load", "--target", "http://127.0.0.1:1", "--duration", "1h30m", "--rate", "-1");
    assertThat(load.err()).as("1h30m parses; the rate is what is refused").doesNotContain("--duration")
        .contains("rate");
    Cli serve = Cli.run("serve", "x.yaml", "--for", "1h30m");
    assertThat(serve.err()).doesNotContain("--for").contains("x.yaml: no such file");
    assertThat(io.smsim.scenario.DurationGrammar.format(90L * 60 * 1_000_000_000L)).isEqualTo("1h30m");
    assertThat(io.smsim.scenario.DurationGrammar.format(300_000_000L)).isEqualTo("300ms");
  }

  private static java.time.Duration convert(CommandLine.ITypeConverter<java.time.Duration> c, String text) {
    try {
      return c.convert(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void formatJsonPrintsExactlyTheSummaryFile() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli replay = Cli.run("replay", scenario.toString(), "--out", dir.resolve("r").toString(), "--no-report",
        "--format", "json");
    assertThat(replay.status()).as(replay.err()).isZero();
    assertThat(replay.out()).isEqualTo(Files.readString(dir.resolve("r/summary.json")));
    assertThat(new ObjectMapper().readTree(replay.out()).get("regions")).isNotNull();
    assertThat(replay.err()).contains("wrote " + dir.resolve("r/summary.json"));

    Cli compare = Cli.run("compare", scenario.toString(), "-n", "2", "--out", dir.resolve("c").toString(),
        "--no-report", "--format", "json");
    assertThat(compare.status()).as(compare.err()).isZero();
    assertThat(compare.out()).isEqualTo(Files.readString(dir.resolve("c/compare.json")));

    Cli sweep = Cli.run("sweep", scenario.toString(), "-n", "2", "--param", "regions.north.reaper.period=30m,1h",
        "--out", dir.resolve("s").toString(), "--no-report", "--format", "json");
    assertThat(sweep.status()).as(sweep.err()).isZero();
    assertThat(sweep.out()).isEqualTo(Files.readString(dir.resolve("s/sweep.json")));
  }

  @Test
  void checkWritesJUnitXmlThatAJUnitReportParserReads() throws Exception {
    Path scenario = Cli.smallLeak(dir);
    Path xml = dir.resolve("check.xml");
    Cli r = Cli.run("check", scenario.toString(), "--junit", xml.toString(), "--out", dir.resolve("o").toString(),
        "--format", "json");
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(r.out()).isEqualTo(Files.readString(dir.resolve("o/check.json")));
    int expected = json.get("files").get(0).get("expectations").asInt();
    long breached = json.get("files").get(0).get("breached").asLong();
    assertThat(expected).isPositive();
    assertThat(r.status()).isEqualTo(breached > 0 ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK);

    List<ReportTestSuite> suites = parse(xml);
    assertThat(suites).isNotEmpty();
    int tests = suites.stream().mapToInt(ReportTestSuite::getNumberOfTests).sum();
    int failures = suites.stream().mapToInt(ReportTestSuite::getNumberOfFailures).sum();
    assertThat(tests).isEqualTo(expected);
    assertThat(failures).isEqualTo((int) breached);
    for (ReportTestSuite s : suites) {
      assertThat(s.getFullClassName()).startsWith("smsim.check.small-leak.");
      for (ReportTestCase c : s.getTestCases()) {
        assertThat(c.getName()).startsWith("regions.north.");
      }
    }
  }

  @Test
  void aBreachIsAFailedTestcaseWithExpectedAndActual() throws Exception {
    Path scenario = Cli.smallLeak(dir);
    Path xml = dir.resolve("breach.xml");
    // the small leak has incidents in North: expecting none is breached in every replication
    Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(scenario).replaceFirst("(?m)^expect:\\s*$",
        "expect:\n  - {metric: regions.north.incidents, equals: 0}"));
    Cli r = Cli.run("check", bad.toString(), "--junit", xml.toString(), "-n", "1");
    assertThat(r.status()).as(r.out() + r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
    List<ReportTestCase> failed = parse(xml).stream().flatMap(s -> s.getTestCases().stream())
        .filter(ReportTestCase::hasFailure).toList();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).getName()).isEqualTo("regions.north.incidents equals 0 (each replication)");
    assertThat(failed.get(0).getFailureMessage()).contains("expected each replication equals 0, actual");
  }

  static List<ReportTestSuite> parse(Path xml) throws Exception {
    try (InputStreamReader in = new InputStreamReader(Files.newInputStream(xml), StandardCharsets.UTF_8)) {
      return new TestSuiteXmlParser(new NullConsoleLogger()).parse(in);
    }
  }

  @Test
  void completionScriptCompletesCommandsAndOptionsInBash() throws Exception {
    Cli r = Cli.run("completion");
    assertThat(r.status()).isZero();
    Path script = Files.writeString(dir.resolve("smsim-completion.bash"), r.out());
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "no bash here");
    assertThat(complete(script, "smsim rep")).contains("replay");
    assertThat(complete(script, "smsim replay --se")).contains("--seed", "--set");
    assertThat(complete(script, "smsim load --form")).contains("--format");
  }

  private String complete(Path script, String line) throws Exception {
    String words = line;
    String cmd = "source " + script + "; COMP_LINE='" + line + "'; COMP_WORDS=(" + words + "); COMP_CWORD="
        + (words.split(" ").length - 1) + "; COMP_POINT=" + line.length() + "; _complete_smsim; "
        + "printf '%s\\n' \"${COMPREPLY[@]}\"";
    Process p = new ProcessBuilder("/bin/bash", "-c", cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return out;
  }

  @Test
  void initWritesAStarterThatValidatesReplaysAndPassesTheSchema() throws IOException {
    Path file = dir.resolve("my-outage.yaml");
    Cli r = Cli.run("init", file.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(file).exists();
    assertThat(dir.resolve("smsim-scenario.schema.json")).exists();
    String text = Files.readString(file);
    assertThat(text).startsWith("# yaml-language-server: $schema=smsim-scenario.schema.json\n")
        .contains("name: my-outage\n");
    assertThat(Cli.run("validate", file.toString()).status()).isZero();
    Cli check = Cli.run("check", file.toString(), "-n", "1");
    assertThat(check.status()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).contains("ok · 2 expectations, 0 breached");
    Cli again = Cli.run("init", file.toString());
    assertThat(again.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(again.err()).contains("exists; choose another name or add --force");
    assertThat(Map.of("schema", Files.readString(dir.resolve("smsim-scenario.schema.json"))))
        .containsValue(io.smsim.scenario.ScenarioSchema.json());
  }

  @Test
  void theConsoleListsAtMostSixIncidentsAndFailoversPerRegionAndCountsTheRest() throws IOException {
    // a small table, a leak that never stops and a restart after each detection: an incident every hour or so
    String many = Files.readString(Cli.smallLeak(dir)).replace("processLimit: 1000", "processLimit: 150")
        .replace("end: 2020-01-06T12:00", "end: 2020-01-07T12:00");
    Path file = Files.writeString(dir.resolve("many.yaml"), many);
    Cli r = Cli.run("replay", file.toString(), "--out", dir.resolve("many").toString(), "--no-report");
    assertThat(r.status()).as(r.err()).isZero();
    JsonNode summary = new ObjectMapper().readTree(dir.resolve("many/summary.json").toFile());
    int incidents = summary.at("/regions/north/incidents").size();
    assertThat(incidents).as("the scenario makes many incidents").isGreaterThan(io.smsim.report.ConsoleSummary.SHOWN);
    long shown = r.out().lines().filter(l -> l.matches("  north +\\d{4}-\\d\\d-\\d\\d .*→.*")).count();
    assertThat(shown).isEqualTo(io.smsim.report.ConsoleSummary.SHOWN);
    assertThat(r.out()).contains("  north   … " + (incidents - io.smsim.report.ConsoleSummary.SHOWN) + " more incidents ("
        + incidents + " in all) — see summary.json");
  }

  @Test
  void replayWithAnotherSeedWritesBesideTheDefaultSeedsFiles() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    String name = io.smsim.scenario.ScenarioLoader.load(scenario).name();
    long seed = io.smsim.scenario.ScenarioLoader.load(scenario).seed();
    Path cwd = Path.of("").toAbsolutePath();
    Path expected = Path.of("out", name + "-seed" + (seed + 1));
    try {
      Cli r = Cli.run("replay", scenario.toString(), "--seed", Long.toString(seed + 1), "--no-report", "--quiet");
      assertThat(r.status()).as(r.err()).isZero();
      assertThat(r.out()).contains("wrote " + expected.resolve("summary.json"));
      assertThat(cwd.resolve(expected).resolve("summary.json")).exists();
    } finally {
      for (String f : List.of("summary.json", "timeline.csv")) {
        Files.deleteIfExists(cwd.resolve(expected).resolve(f));
      }
      Files.deleteIfExists(cwd.resolve(expected));
    }
  }
}
