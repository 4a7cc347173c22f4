package io.smsim.cli;

import io.smsim.calibrate.CalibratedScenario;
import io.smsim.calibrate.Calibration;
import io.smsim.calibrate.CalibrationFiles;
import io.smsim.calibrate.CalibrationResult;
import io.smsim.calibrate.FitParameter;
import io.smsim.calibrate.Method;
import io.smsim.analysis.ReplicationRunner;
import io.smsim.output.OutputFiles;
import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.io.PrintWriter;
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
 * {@code smsim calibrate}: fits settings to the scenario's {@code observed:} facts and writes the
 * calibrated scenario, calibration.json and the console's tables.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Fit settings so that the replication means match the scenario's observed: facts "
        + "(weighted least squares, common random numbers; Brent for one setting, CMA-ES and BOBYQA for several).",
        "Writes the calibrated scenario (values marked [calibrated]) and DIR/calibration.json; one line per point "
            + "evaluated on stderr."})
final class CalibrateCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file with an observed: block.")
  Path scenarioFile;

  @Option(names = "--fit", paramLabel = "PATH=LOW..HIGH", required = true,
      description = "A setting to fit and its range, e.g. --fit 'faults[0].probability=2%%..20%%' or "
          + "--fit regions.north.monitoring.reportDelay=5m..25m (repeatable).")
  List<String> fitTexts = new ArrayList<>();

  @Option(names = "--method", paramLabel = "M", defaultValue = "auto",
      description = "auto (Brent for one setting; CMA-ES then BOBYQA for several), brent, bobyqa, cmaes or "
          + "cmaes+bobyqa.")
  String method;

  @Option(names = "--max-evaluations", paramLabel = "N", defaultValue = "150",
      description = "Points evaluated at most per stage of the search (default 150).")
  int maxEvaluations;

  @Option(names = "--write", paramLabel = "FILE",
      description = "Where to write the calibrated scenario (default: <scenario>.calibrated.yaml next to it).")
  Path write;

  @Option(names = "--in-place", description = "Write the calibrated values into the scenario file itself.")
  boolean inPlace;

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
    List<FitParameter> params = params();
    Method m = method(params.size());
    if (maxEvaluations < 5) {
      throw new BadInputException("--max-evaluations must be at least 5: " + maxEvaluations);
    }
    if (inPlace && write != null) {
      throw new BadInputException("give --write or --in-place, not both");
    }
    ScenarioFile file = ScenarioFile.load(scenarioFile, scenarioOptions.overrides);
    if (options.spark.spark || options.spark.master != null) {
      throw new BadInputException("calibrate runs its replications on threads (--threads); --spark is not supported");
    }
    int threads = options.threads == null ? ReplicationRunner.defaultThreads() : options.threads;
    if (threads < 1) {
      throw new BadInputException("--threads must be at least 1: " + threads);
    }
    int replications = options.replications(file, RunOptions.DEFAULT_REPLICATIONS);
    if (replications < 2) {
      throw new BadInputException("calibrate needs at least 2 replications per point: " + replications);
    }
    Path target = inPlace ? scenarioFile : write != null ? write : defaultTarget();
    Path dir = OutputFiles.prepareDirectory(options.outDir(file, "calibrate"));
    PrintWriter err = common.quiet || format.json() ? null : spec.commandLine().getErr();
    CalibrationResult r;
    try {
      r = Calibration.run(file, params, new Calibration.Settings(options.seed(file), replications, threads,
          m, maxEvaluations), line -> {
            if (err != null) {
              err.println(line);
              err.flush();
            }
          });
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    return CommandOutput.in(dir)
        .add("calibration.json", p -> CalibrationFiles.writeJson(r, p))
        .json("calibration.json")
        .addIf(true, d -> {
          try {
            return List.of(CalibratedScenario.write(file, r, scenarioOptions.overrides, target, command()));
          } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage());
          }
        })
        .writeThenPrint(spec.commandLine().getOut(), spec.commandLine().getErr(), common, format,
            w -> CalibrationFiles.print(r, w));
  }

  private List<FitParameter> params() {
    List<FitParameter> params = new ArrayList<>();
    for (String t : fitTexts) {
      try {
        params.add(FitParameter.parse(t));
      } catch (IllegalArgumentException e) {
        throw new BadInputException(e.getMessage());
      }
    }
    return params;
  }

  private Method method(int parameters) {
    return switch (method.toLowerCase(Locale.ROOT)) {
      case "auto" -> Method.auto(parameters);
      case "brent" -> Method.BRENT;
      case "bobyqa" -> Method.BOBYQA;
      case "cmaes", "cma-es" -> Method.CMAES;
      case "cmaes+bobyqa" -> Method.CMAES_BOBYQA;
      default -> throw new BadInputException("--method must be auto, brent, bobyqa, cmaes or cmaes+bobyqa: " + method);
    };
  }

  private Path defaultTarget() {
    String name = scenarioFile.getFileName().toString();
    String stem = name.endsWith(".yaml") ? name.substring(0, name.length() - 5)
        : name.endsWith(".yml") ? name.substring(0, name.length() - 4) : name;
    return scenarioFile.resolveSibling(stem + ".calibrated.yaml");
  }

  /** The command line as the notes record it (the scenario, the fits, the options that change the result). */
  private List<String> command() {
    List<String> c = new ArrayList<>(List.of("smsim", "calibrate", scenarioFile.toString()));
    for (String f : fitTexts) {
      c.add("--fit");
      c.add(f.contains(" ") || f.contains("[") ? "'" + f + "'" : f);
    }
    if (options.replications != null) {
      c.add("-n");
      c.add(options.replications.toString());
    }
    if (options.seed != null) {
      c.add("--seed");
      c.add(options.seed.toString());
    }
    if (!method.equals("auto")) {
      c.add("--method");
      c.add(method);
    }
    for (String o : scenarioOptions.overrides) {
      c.add("--set");
      c.add("'" + o + "'");
    }
    return c;
  }
}
