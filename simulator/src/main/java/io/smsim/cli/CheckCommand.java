package io.smsim.cli;

import io.smsim.analysis.Check;
import io.smsim.analysis.Runner;
import io.smsim.analysis.Verdict;
import io.smsim.scenario.ScenarioException;
import io.smsim.scenario.ScenarioFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim check}: runs the scenarios' {@code expect:} blocks. Exit 0 when every expectation
 * holds, 1 when any is breached (one line each: location, variant, metric, expected, actual), 2 on
 * bad input. With several files, every file is checked and the worst status returned.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Run the expectations of scenario files (their expect: blocks, the scenario's and each variant's).",
        "Exit 0 if all hold, 1 if any is breached, 2 on bad input."})
final class CheckCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario YAML files.")
  List<Path> scenarios = new ArrayList<>();

  @Mixin
  RunOptions options;

  @Override
  public Integer call() {
    int status = Main.EXIT_OK;
    try (Runner runner = options.runner("smsim check")) {
      for (Path p : scenarios) {
        status = Math.max(status, checkOne(p, runner));
      }
    }
    return status;
  }

  private int checkOne(Path p, Runner runner) {
    int s;
    try {
      s = check(p, runner);
    } catch (ScenarioException e) {
      s = Main.handle(e, spec.commandLine().getErr(), options.debug);
    }
    return s;
  }

  private int check(Path path, Runner runner) {
    ScenarioFile file = ScenarioFile.load(path, options.overrides);
    PrintWriter out = spec.commandLine().getOut();
    int replications = options.replications(file, 1);
    RunsProgress progress = new RunsProgress("check " + path.getFileName(), options.quiet);
    Check c = Check.run(file, options.seed(file), replications, runner, progress);
    progress.done();
    for (Verdict v : c.verdicts()) {
      if (v.status() == Verdict.Status.BREACH) {
        out.println("BREACH " + v.line());
      } else if (!options.quiet) {
        out.println((v.status() == Verdict.Status.PASS ? "ok     " : "skip   ") + v.line());
      }
    }
    long breaches = c.breaches();
    if (!options.quiet || breaches > 0) {
      out.printf(Locale.ROOT, "%s: %s · %d expectation%s, %d breached%s · %d replication%s, seed %d, %d runs in %.1f s%n",
          path, breaches == 0 ? "ok" : "FAILED", c.verdicts().size(), c.verdicts().size() == 1 ? "" : "s", breaches,
          c.skipped() > 0 ? ", " + c.skipped() + " skipped" : "", replications, replications == 1 ? "" : "s",
          c.seed(), c.runs(), c.wallSeconds());
    }
    out.flush();
    return breaches == 0 ? Main.EXIT_OK : Main.EXIT_CHECK_FAILED;
  }
}
