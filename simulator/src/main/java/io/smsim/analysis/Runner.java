package io.smsim.analysis;

import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import java.io.Serializable;
import java.util.List;

/**
 * Where a study's runs execute. A study ({@code compare}, {@code sweep}, {@code replay
 * --replications}, {@code check}) is a grid of tasks: task (point p, replication r) runs
 * {@code Replay.run(points[p], seed, r)} and keeps what {@code keep} extracts of it (see {@link Tasks}).
 * A run depends only on (scenario, seed, replication), and results come back indexed
 * [point][replication], so a study's files are the same bytes whichever runner ran it and however
 * its tasks were spread, ordered or retried (wall-clock fields aside).
 *
 * <p>Implementations: {@link ReplicationRunner} (threads in this JVM) and
 * {@code io.smsim.spark.SparkRunner} (one Spark task per run, on a cluster or in local mode).
 */
public interface Runner extends AutoCloseable {

  /** Told after each finished run, from any thread; with retries, each task counts once. */
  @FunctionalInterface
  interface Listener {
    void onRunDone(int done, int total);
  }

  /**
   * What to keep of a run, knowing which point it is of. It runs where the run ran (on a Spark
   * executor), so it and what it keeps are serializable; it should keep little (a few numbers per
   * run, a run in full only where the study needs one), as that is what travels back.
   */
  @FunctionalInterface
  interface Keep<T extends Serializable> extends Serializable {
    T keep(int point, RunResult run);
  }

  /**
   * Runs replications {@code 0 .. replications-1} of every point.
   *
   * @param listener may be null
   * @return {@code keep} of each run, indexed [point][replication]
   */
  <T extends Serializable> List<List<T>> run(List<Scenario> points, long seed, int replications, Keep<T> keep,
      Listener listener);

  /** How many runs go at once at most (threads, or Spark cores): a study's {@code wallThreads}. */
  int parallelism();

  /** Where the runs went, for the console's timing line: "2 threads", "Spark local[2], 2 cores". */
  String describe();

  /** Releases what the runner holds (a Spark context it started); a no-op for threads. */
  @Override
  default void close() {
  }
}
