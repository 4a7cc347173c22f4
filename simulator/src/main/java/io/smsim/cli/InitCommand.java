package io.smsim.cli;

import io.smsim.scenario.ScenarioSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code smsim init}: writes a commented starter scenario (one region, a leak, a health-check
 * variant, expectations) that validates, replays and checks as it is, and the JSON Schema next to it
 * so that an editor completes and checks its keys at once.
 */
@Command(name = "init", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
    description = {"Write a commented starter scenario FILE (and " + ScenarioSchema.FILE_NAME + " beside it, "
        + "for editors), ready for validate, replay, compare and check."})
final class InitCommand implements Callable<Integer> {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

  @Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", defaultValue = "scenario.yaml",
      description = "Scenario file to write (default: ${DEFAULT-VALUE}); its name, without .yaml, names the scenario.")
  Path file;

  @Option(names = "--force", description = "Overwrite FILE if it exists.")
  boolean force;

  @Option(names = "--no-schema", description = "Do not write " + ScenarioSchema.FILE_NAME + " beside FILE.")
  boolean noSchema;

  @Mixin
  CommonOptions common;

  @Override
  public Integer call() throws IOException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + " is a directory; give the scenario file to write, e.g. "
          + file.resolve("scenario.yaml"));
    }
    if (Files.exists(file) && !force) {
      throw new BadInputException(file + " exists; choose another name or add --force to overwrite it");
    }
    String fileName = file.getFileName().toString();
    String name = fileName.toLowerCase(Locale.ROOT).endsWith(".yaml") ? fileName.substring(0, fileName.length() - 5)
        : fileName;
    if (!NAME.matcher(name).matches()) {
      throw new BadInputException("the file name makes the scenario name, which is letters, digits, '-', '_' or '.': "
          + name);
    }
    Path dir = file.toAbsolutePath().getParent();
    CommandOutput files = CommandOutput.in(dir).add(fileName, starter().replace("${name}", name));
    Path schema = dir.resolve(ScenarioSchema.FILE_NAME);
    if (!noSchema && (force || !Files.exists(schema))) {
      files.add(ScenarioSchema.FILE_NAME, ScenarioSchema.json());
    }
    return files.writeThenPrint(spec.commandLine().getOut(), common, null, w -> w.println("next: ./smsim validate "
        + file + " && ./smsim replay " + file));
  }

  static String starter() {
    try (InputStream in = InitCommand.class.getResourceAsStream("starter-scenario.yaml")) {
      if (in == null) {
        throw new IllegalStateException("starter-scenario.yaml missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
