package io.smsim.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --set PATH=VALUE}: every command that reads a scenario has it (a picocli mixin). */
final class ScenarioOptions {

  @Option(names = "--set", paramLabel = "PATH=VALUE",
      description = "Override a scenario setting, e.g. --set regions.north.reaper.period=1h or "
          + "--set regions.north.failover.probe=null to remove one (repeatable).")
  List<String> overrides = new ArrayList<>();
}
