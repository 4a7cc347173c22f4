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
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Spark local mode for the tests, configured as smsim configures it ({@link SparkRunner#conf}).
 * Every Spark type stays in here, so a test class can be discovered in a JVM without Spark (the
 * default surefire execution), where {@link OnClasspath} disables it with a reason.
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

  /** Disables a test class, with the reason, where Spark is not on the classpath. */
  static final class OnClasspath implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      try {
        Class.forName("org.apache.spark.SparkContext", false, OnClasspath.class.getClassLoader());
        return ConditionEvaluationResult.enabled("Spark is on the classpath");
      } catch (ClassNotFoundException e) {
        return ConditionEvaluationResult.disabled("Spark is not on this JVM's classpath: the spark-test surefire "
            + "execution runs the io.smsim.spark tests (mvn verify)");
      }
    }
  }
}
