package io.smsim.cli;

import io.smsim.analysis.ReplicationRunner;
import io.smsim.analysis.Runner;
import picocli.CommandLine.Option;

/**
 * Where the runs of compare, sweep, check and {@code replay --replications} go: threads in this
 * JVM, or one Apache Spark task per run ({@code --spark}). Spark is not in {@code smsim.jar}: it
 * comes from {@code spark-submit} on a cluster, or from the local Maven repository through the
 * {@code ./smsim} launcher; without it, {@code --spark} is refused before any work starts.
 */
final class SparkOptions {

  private static final String SPARK_CONTEXT = "org.apache.spark.SparkContext";

  @Option(names = "--spark", description = "Run each replication as an Apache Spark task: on the cluster spark-submit "
      + "gives, else in Spark local mode. The files written are the same bytes as with threads.")
  boolean spark;

  @Option(names = "--spark-master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else local[*]); "
          + "implies --spark.")
  String master;

  /**
   * Threads ({@code threads}: the {@code --threads} option, null when not given), or a Spark
   * runner that starts its context when the first study runs.
   */
  Runner runner(Integer threads, String appName) {
    if (!spark && master == null) {
      int n = threads == null ? ReplicationRunner.defaultThreads() : threads;
      if (n < 1) {
        throw new BadInputException("--threads must be at least 1: " + n);
      }
      return ReplicationRunner.threads(n);
    }
    if (threads != null) {
      throw new BadInputException("--threads does not apply with --spark: Spark's cores decide "
          + "(--spark-master local[N], or the executors' cores on a cluster)");
    }
    if (master != null && master.isBlank()) {
      throw new BadInputException("--spark-master must name a master, e.g. local[2]");
    }
    if (!sparkOnClasspath()) {
      throw new BadInputException("--spark needs Apache Spark on the classpath, which smsim.jar does not bundle: "
          + "submit smsim.jar with spark-submit, or run ./smsim, which adds Spark's jars from the local Maven "
          + "repository (README, \"Past one machine\")");
    }
    return io.smsim.spark.SparkRunner.start(master, appName);
  }

  private static boolean sparkOnClasspath() {
    try {
      Class.forName(SPARK_CONTEXT, false, SparkOptions.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
