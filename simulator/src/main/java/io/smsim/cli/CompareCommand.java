package io.smsim.cli;

import io.smsim.output.OutputFiles;
import io.smsim.analysis.CompareFiles;
import io.smsim.analysis.CompareTable;
import io.smsim.analysis.Comparison;
import io.smsim.analysis.Runner;
import io.smsim.report.StudyReports;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.io.IOException;
import java.nio.file.Path;
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
 * {@code smsim compare}: every variant over the same replications (common random numbers); key
 * metrics with 95% CIs and paired differences from the baseline; compare.csv and compare.json, and
 * (unless {@code --no-report}) report.html and incident-review.md, the baseline's review with each
 * variant's modelled effect.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Run a scenario's variants over the same replications and compare them with the baseline.",
        "Writes DIR/compare.csv (long format), DIR/compare.json, DIR/report.html and DIR/incident-review.md."})
final class CompareCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
  Path scenarioFile;

  @Option(names = "--variants", paramLabel = "A,B,...", split = ",",
      description = "Variants to compare, in this order (default: all declared; the scenario as written if none).")
  List<String> variantNames = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "NAME",
      description = "The variant the others are compared with (default: the first).")
  String baselineName;

  @Option(names = "--no-report", description = "Do not write report.html and incident-review.md.")
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
    ScenarioFile file = ScenarioFile.load(scenarioFile, scenarioOptions.overrides);
    List<Variant> variants = select(file);
    int baseline = baseline(variants);
    int replications = options.replications(file, RunOptions.DEFAULT_REPLICATIONS);
    Path dir = OutputFiles.prepareDirectory(options.outDir(file, "compare"));
    RunsProgress progress = new RunsProgress("compare", common.quiet || format.json(), spec.commandLine().getErr());
    Comparison c;
    String where;
    try (Runner runner = options.runner("smsim compare " + file.scenario().name())) {
      c = Comparison.run(file.scenario().name(), file.source(), variants, baseline, options.seed(file),
          replications, runner, progress);
      where = runner.describe();
    }
    progress.done();
    return write(c, dir, where);
  }

  private List<Variant> select(ScenarioFile file) {
    if (variantNames.isEmpty()) {
      return file.variantsOrAsWritten();
    }
    List<Variant> out = new ArrayList<>();
    for (String name : variantNames) {
      String n = name.trim();
      Variant v = file.variant(n).orElseThrow(() -> new BadInputException("no variant " + n + " in " + scenarioFile
          + "; declared: " + (file.variants().isEmpty() ? "none" : String.join(", ",
              file.variants().stream().map(Variant::name).toList()))));
      if (out.contains(v)) {
        throw new BadInputException("variant " + n + " is listed twice in --variants");
      }
      out.add(v);
    }
    return out;
  }

  private int baseline(List<Variant> variants) {
    if (baselineName == null) {
      return 0;
    }
    for (int i = 0; i < variants.size(); i++) {
      if (variants.get(i).name().equals(baselineName)) {
        return i;
      }
    }
    throw new BadInputException("--baseline " + baselineName + " is not among the variants compared: "
        + String.join(", ", variants.stream().map(Variant::name).toList()));
  }

  private int write(Comparison c, Path dir, String where) throws IOException {
    return CommandOutput.in(dir)
        .add("compare.csv", p -> CompareFiles.writeCsv(c, p))
        .add("compare.json", p -> CompareFiles.writeJson(c, p))
        .json("compare.json")
        .addIf(!noReport, d -> StudyReports.compare(c, d))
        .writeThenPrint(spec.commandLine().getOut(), spec.commandLine().getErr(), common, format, w -> {
          CompareTable.print(c, w);
          w.println();
          w.printf(Locale.ROOT, "%d runs in %.1f s on %s%n", c.variants().size() * c.replications(), c.wallSeconds(),
              where);
        });
  }
}
