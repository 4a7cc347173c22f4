package io.smsim.cli;

import picocli.CommandLine.Option;

/** {@code --quiet} and {@code --debug}: every command has them (a picocli mixin). */
final class CommonOptions {

  @Option(names = "--quiet", description = "Print only the output paths (and what failed); no progress.")
  boolean quiet;

  @Option(names = "--debug", description = "Print stack traces.")
  boolean debug;
}
