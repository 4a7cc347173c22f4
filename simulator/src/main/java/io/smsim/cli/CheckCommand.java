package io.smsim.cli;

import io.smsim.analysis.Check;
import io.smsim.analysis.Runner;
import io.smsim.analysis.CheckFiles;
import io.smsim.analysis.Verdict;
import io.smsim.report.JUnitXml;
import io.smsim.scenario.ScenarioException;
import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim check}: runs the scenarios' {@code expect:} blocks. Exit 0 when every expectation
 * holds, 1 when any is breached (one line each: location, variant, metric, expected, actual) or a
 * file has nothing to check, 2 on bad input. With several files, every file is checked and the
 * worst status returned. {@code --junit FILE} writes a testcase per expectation per variant;
 * {@code --out DIR} writes DIR/check.json, which {@code --format json} prints.
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Run the expectations of scenario files (their expect: blocks, the scenario's and each variant's).",
        "Exit 0 if all hold, 1 if any is breached or a file has no expectations, 2 on bad input."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario YAML files.")
  List<Path> scenarios = new ArrayList<>();

  @Option(names = "--junit", paramLabel = "FILE",
      description = "Also write JUnit XML for CI: a testsuite per file, a testcase per expectation per variant.")
  Path junit;

  @Mixin
  RunOptions options;

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  FormatOption format;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    int status = Main.EXIT_OK;
    List<Check> checks = new ArrayList<>();
    try (Runner runner = options.runner("smsim check")) {
      for (Path p : scenarios) {
        try {
          Check c = check(p, runner);
          checks.add(c);
          status = Math.max(status, c.breaches() > 0 || c.verdicts().isEmpty() ? Main.EXIT_CHECK_FAILED : Main.EXIT_OK);
        } catch (ScenarioException e) {
          status = Math.max(status, Main.handle(e, spec.commandLine().getErr(), common.debug));
        }
      }
    }
    write(checks);
    return status;
  }

  private Check check(Path path, Runner runner) {
    ScenarioFile file = ScenarioFile.load(path, scenarioOptions.overrides);
    PrintWriter out = spec.commandLine().getOut();
    int replications = options.replications(file, 1);
    boolean text = !format.json();
    RunsProgress progress = new RunsProgress("check " + path.getFileName(), common.quiet || !text,
        spec.commandLine().getErr());
    Check c = Check.run(file, options.seed(file), replications, runner, progress);
    progress.done();
    if (!text) {
      return c;
    }
    for (Verdict v : c.verdicts()) {
      if (v.status() == Verdict.Status.BREACH) {
        out.println("BREACH " + v.line());
      } else if (!common.quiet) {
        out.println((v.status() == Verdict.Status.PASS ? "ok     " : "skip   ") + v.line());
      }
    }
    long breaches = c.breaches();
    if (c.verdicts().isEmpty()) {
      out.printf(Locale.ROOT, "%s: nothing checked · no expectations (add an expect: block to the scenario or a "
          + "variant; see the README, \"What-if analysis\")%n", path);
    } else if (!common.quiet || breaches > 0) {
      out.printf(Locale.ROOT,
          "%s: %s · %d expectation%s, %d breached%s · %d replication%s, seed %d, %d runs in %.1f s on %s%n", path,
          breaches == 0 ? "ok" : "FAILED", c.verdicts().size(), c.verdicts().size() == 1 ? "" : "s", breaches,
          c.skipped() > 0 ? ", " + c.skipped() + " skipped" : "", replications, replications == 1 ? "" : "s",
          c.seed(), c.runs(), c.wallSeconds(), runner.describe());
    }
    out.flush();
    return c;
  }

  /** check.json (with --out), the JUnit file (with --junit), and the JSON on stdout (with --format json). */
  private void write(List<Check> checks) throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    String json = CheckFiles.json(checks);
    if (options.out != null) {
      CommandOutput.in(options.out).add("check.json", json).json("check.json")
          .writeThenPrint(out, err, common, format, w -> { });
    } else if (format.json()) {
      out.print(json);
      out.flush();
    }
    if (junit != null) {
      JUnitXml.write(junitSuites(checks), junit);
      if (!common.quiet) {
        (format.json() ? err : out).println("wrote " + junit);
        (format.json() ? err : out).flush();
      }
    }
  }

  static List<JUnitXml.Suite> junitSuites(List<Check> checks) {
    List<JUnitXml.Suite> suites = new ArrayList<>();
    for (Check c : checks) {
      List<JUnitXml.TestCase> cases = new ArrayList<>();
      double each = c.verdicts().isEmpty() ? 0 : c.wallSeconds() / c.verdicts().size();
      for (Verdict v : c.verdicts()) {
        JUnitXml.Status s = switch (v.status()) {
          case PASS -> JUnitXml.Status.PASSED;
          case BREACH -> JUnitXml.Status.FAILED;
          case SKIPPED -> JUnitXml.Status.SKIPPED;
        };
        String subject = v.subject().replace(' ', '-');
        cases.add(new JUnitXml.TestCase("smsim.check." + c.scenario() + "." + subject,
            v.expectation().metric().text() + " " + v.expectation().form() + " (" + v.expectation().of().label() + ")",
            each, s, v.status() == Verdict.Status.PASS ? "" : v.expectation().location() + ": " + v.detail()));
      }
      if (cases.isEmpty()) { // as on the console: a file with nothing to check does not pass
        cases.add(new JUnitXml.TestCase("smsim.check." + c.scenario(), "expectations", 0, JUnitXml.Status.FAILED,
            c.source() + ": nothing checked: no expect: block"));
      }
      suites.add(new JUnitXml.Suite(c.scenario() + " (" + c.source() + ")", Instant.now(), c.wallSeconds(), cases));
    }
    return suites;
  }
}
