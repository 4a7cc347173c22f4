package io.smsim.spark;

import io.smsim.analysis.Runner;
import io.smsim.scenario.Scenario;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Spark local mode for the tests, configured as smsim configures it ({@link SparkRunner#conf}).
 * The tests that use it are tagged {@code spark}: the spark-test surefire execution runs them, with
 * Spark on the classpath and the JVM options spark-submit gives; the default execution, without
 * Spark, runs everything else.
 */
final class LocalSpark implements AutoCloseable {

  private final JavaSparkContext context;
  private final AtomicInteger failedAttempts = new AtomicInteger();

  private LocalSpark(String master) {
    context = new JavaSparkContext(SparkRunner.conf(master, "smsim-test"));
    context.sc().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (!end.taskInfo().successful()) {
          failedAttempts.incrementAndGet();
        }
      }
    });
  }

  /** Starts a context, e.g. {@code local[2]} or {@code local[2,2]} (two attempts per task). */
  static LocalSpark start(String master) {
    return new LocalSpark(master);
  }

  Runner runner() {
    return SparkRunner.on(context);
  }

  /** Task attempts that failed so far (Spark's listener bus reports them asynchronously). */
  int failedAttempts() {
    return failedAttempts.get();
  }

  @Override
  public void close() {
    context.stop();
  }

  /**
   * {@code keep}, except that the first attempt of the task running replication {@code replication}
   * of point {@code point} fails after its run, as a task on a lost executor would.
   */
  static <T extends Serializable> Runner.Keep<T> failingOnce(Runner.Keep<T> keep, int point, int replication) {
    return (p, run) -> {
      if (p == point && run.replication() == replication && TaskContext.get().attemptNumber() == 0) {
        throw new IllegalStateException("injected failure of point " + p + " replication " + replication);
      }
      return keep.keep(p, run);
    };
  }

  /** A runner whose every study fails the first attempt of one task (see {@link #failingOnce}). */
  static Runner failingOnce(Runner runner, int point, int replication) {
    return new Runner() {
      @Override
      public <T extends Serializable> List<List<T>> run(List<Scenario> points, long seed, int replications,
          Keep<T> keep, Listener listener) {
        return runner.run(points, seed, replications, failingOnce(keep, point, replication), listener);
      }

      @Override
      public int parallelism() {
        return runner.parallelism();
      }

      @Override
      public String describe() {
        return runner.describe();
      }
    };
  }

  /** The JVM options Spark's launcher (spark-submit) gives the driver and executors. */
  static List<String> javaModuleOptions() {
    return List.of(org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptionArray());
  }
}
