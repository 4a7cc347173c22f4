package io.smsim.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format text|json}: with json, stdout carries exactly the summary file's JSON object
 * (the same bytes), and the list of files written goes to stderr.
 */
final class FormatOption {

  /** What stdout carries. */
  enum Format { TEXT, JSON }

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json: print the summary file's JSON object on stdout instead of the console "
          + "summary; 'wrote ...' then goes to stderr.")
  Format format = Format.TEXT;

  boolean json() {
    return format == Format.JSON;
  }
}
