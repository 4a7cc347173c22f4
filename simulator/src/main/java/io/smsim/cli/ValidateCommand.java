package io.smsim.cli;

import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code smsim validate}: checks scenario files and reports every problem with its location. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = "Check scenario files; print every problem as file:line:column: field: rule: value.")
final class ValidateCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "SCENARIO", description = "Scenario YAML files.")
  List<Path> scenarios = new ArrayList<>();

  @Mixin
  ScenarioOptions scenarioOptions;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() {
    int status = Main.EXIT_OK;
    for (Path p : scenarios) {
      try {
        Scenario s = ScenarioLoader.load(p, scenarioOptions.overrides);
        if (common.quiet) {
          continue;
        }
        spec.commandLine().getOut().printf("%s: ok (%s, %d region%s, %d fault%s)%n", p, s.name(), s.regions().size(),
            s.regions().size() == 1 ? "" : "s", s.faults().size(), s.faults().size() == 1 ? "" : "s");
      } catch (io.smsim.scenario.ScenarioException e) {
        Main.handle(e, spec.commandLine().getErr(), common.debug);
        status = Main.EXIT_BAD_INPUT;
      }
    }
    return status;
  }
}
