package io.smsim.cli;

import io.smsim.scenario.ScenarioSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code smsim schema}: the scenario format as a JSON Schema, or as a Markdown reference, both
 * generated from the binders that validate scenarios. {@code --write scenarios} regenerates the
 * shipped {@code smsim-scenario.schema.json} and {@code REFERENCE.md} (a test fails while they are stale).
 */
@Command(name = "schema", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Print the scenario JSON Schema (or, with --reference, the scenario reference in Markdown), "
        + "generated from the binders that validate scenarios.",
        "--write DIR writes DIR/" + ScenarioSchema.FILE_NAME + " and DIR/" + ScenarioSchema.REFERENCE_FILE_NAME
            + " (in the repository: --write scenarios)."})
final class SchemaCommand implements Callable<Integer> {

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--reference", description = "Print the Markdown reference instead of the JSON Schema.")
  boolean reference;

  @Option(names = "--write", paramLabel = "DIR", description = "Write both files into DIR instead of printing.")
  Path writeDir;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (writeDir == null) {
      out.print(reference ? ScenarioSchema.reference() : ScenarioSchema.json());
      out.flush();
      return Main.EXIT_OK;
    }
    return CommandOutput.in(writeDir)
        .add(ScenarioSchema.FILE_NAME, ScenarioSchema.json())
        .add(ScenarioSchema.REFERENCE_FILE_NAME, ScenarioSchema.reference())
        .writeThenPrint(out, common, null, w -> { });
  }
}
