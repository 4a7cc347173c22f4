package io.smsim.cli;

import io.smsim.analysis.Runner;
import io.smsim.output.OutputFiles;
import io.smsim.scenario.ScenarioFile;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by compare, sweep and check: seed, replications, threads or Spark, output directory. */
final class RunOptions {

  /** Replications when neither the command line nor the scenario's {@code replications:} says. */
  static final int DEFAULT_REPLICATIONS = 10;

  @Option(names = "--seed", paramLabel = "N", description = "Random seed (default: the scenario's seed).")
  Long seed;

  @Option(names = {"-n", "--replications"}, paramLabel = "N",
      description = "Independent replications per variant or point; replication r uses substream r "
          + "(default: the scenario's replications:, else " + DEFAULT_REPLICATIONS + ").")
  Integer replications;

  @Option(names = "--threads", paramLabel = "N",
      description = "Threads running replications (default: all cores). Results do not depend on it.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>-<command>, e.g. out/csp-north-2019-04-02-compare).")
  Path out;

  @Mixin
  SparkOptions spark;

  /** Threads ({@code --threads}) or Spark ({@code --spark}); close it when the study is done. */
  Runner runner(String appName) {
    return spark.runner(threads, appName);
  }

  long seed(ScenarioFile file) {
    return seed == null ? file.scenario().seed() : seed;
  }

  int replications(ScenarioFile file, int fallback) {
    int n = replications != null ? replications : file.replications().orElse(fallback);
    if (n < 1) {
      throw new BadInputException("--replications must be at least 1: " + n);
    }
    return n;
  }

  /**
   * {@code --out}, or {@code out/<scenario name>-<command>} so that no command overwrites another's files (the name
   * made one safe path segment).
   */
  Path outDir(ScenarioFile file, String command) {
    return out == null ? Path.of("out", OutputFiles.segment(file.scenario().name()) + "-" + command) : out;
  }
}
