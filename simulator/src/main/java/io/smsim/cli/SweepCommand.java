package io.smsim.cli;

import io.smsim.analysis.Runner;
import io.smsim.output.OutputFiles;
import io.smsim.analysis.Sweep;
import io.smsim.analysis.SweepFiles;
import io.smsim.analysis.SweepParam;
import io.smsim.analysis.SweepTable;
import io.smsim.report.StudyReports;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim sweep}: a grid of parameter values, replications per point; sweep.csv in long format,
 * sweep.json and (unless {@code --no-report}) report.html.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Run a grid of parameter values (every combination), the same replications at each point.",
        "Writes DIR/sweep.csv (long format, one column per parameter), DIR/sweep.json and DIR/report.html."})
final class SweepCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--param", paramLabel = "PATH=V1,V2,...", required = true,
      description = "A parameter and its values, e.g. --param regions.north.reaper.period=30m,1h,2h (repeatable).")
  List<String> paramTexts = new ArrayList<>();

  @Option(names = "--variant", paramLabel = "NAME", description = "Sweep this variant (default: the scenario as written).")
  String variantName;

  @Option(names = "--no-report", description = "Do not write report.html.")
  boolean noReport;

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
    List<SweepParam> params = params();
    ScenarioFile file = ScenarioFile.load(scenarioFile, scenarioOptions.overrides);
    Variant variant = variantName == null ? null : file.variant(variantName).orElseThrow(() ->
        new BadInputException("no variant " + variantName + " in " + scenarioFile));
    int replications = options.replications(file, RunOptions.DEFAULT_REPLICATIONS);
    Path dir = OutputFiles.prepareDirectory(options.outDir(file, "sweep"));
    RunsProgress progress = new RunsProgress("sweep", common.quiet || format.json(), spec.commandLine().getErr());
    Sweep sweep;
    String where;
    try (Runner runner = options.runner("smsim sweep " + file.scenario().name())) {
      sweep = Sweep.run(file, variant, params, options.seed(file), replications, runner, progress);
      where = runner.describe();
    }
    progress.done();
    return write(sweep, dir, where);
  }

  private List<SweepParam> params() {
    List<SweepParam> params = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (String t : paramTexts) {
      SweepParam p;
      try {
        p = SweepParam.parse(t);
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
      if (!paths.add(p.path())) {
        throw new BadInputException("--param " + p.path() + " is given twice; list all its values in one --param");
      }
      params.add(p);
    }
    return params;
  }

  private int write(Sweep s, Path dir, String where) throws IOException {
    return CommandOutput.in(dir)
        .add("sweep.csv", p -> SweepFiles.writeCsv(s, p))
        .add("sweep.json", p -> SweepFiles.writeJson(s, p))
        .json("sweep.json")
        .addIf(!noReport, d -> List.of(StudyReports.sweep(s, d)))
        .writeThenPrint(spec.commandLine().getOut(), spec.commandLine().getErr(), common, format, w -> {
          SweepTable.print(s, w);
          w.println();
          w.printf(Locale.ROOT, "%d runs in %.1f s on %s%n", s.points().size() * s.replications(), s.wallSeconds(),
              where);
        });
  }
}
