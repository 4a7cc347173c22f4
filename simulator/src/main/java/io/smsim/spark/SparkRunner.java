package io.smsim.spark;

import io.smsim.analysis.Runner;
import io.smsim.analysis.Tasks;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioOrigin;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkException;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The Spark {@link Runner}: one Spark task per run. The driver sends the task indices in
 * longest-first order ({@link Tasks#longestFirst}), one per partition, so Spark's scheduler starts
 * the big points first; each task binds its point from the shipped scenario text ({@link RunTask})
 * and returns only what the study keeps; the driver stores the results by index. The files a
 * study writes are therefore the bytes the threads of {@code ReplicationRunner} give.
 *
 * <p>Retries are safe: a run depends only on (scenario, seed, replication), so an attempt that
 * fails (a lost executor, an out-of-memory kill) and runs again — or runs twice under speculation —
 * returns the same result, and the driver keeps one per index. {@code spark.task.maxFailures}
 * (default 4 on a cluster; {@code local[N,F]} in local mode) bounds the attempts.
 */
public final class SparkRunner implements Runner {

  private static final String LOG4J_CONFIG = "log4j2.configurationFile";
  private static final String LOCAL_LOG_CONFIG = "io/smsim/spark/log4j2-local.properties";

  private final SparkConf conf;
  private JavaSparkContext spark;
  private double startSeconds = Double.NaN;

  private SparkRunner(SparkConf conf, JavaSparkContext spark) {
    this.conf = conf;
    this.spark = spark;
  }

  /**
   * A runner that starts its own Spark context when the first study runs (so bad input is
   * reported before Spark starts), configured by {@link #conf}. {@link #close()} stops it.
   */
  public static SparkRunner start(String master, String appName) {
    return new SparkRunner(conf(master, appName), null);
  }

  /**
   * The configuration smsim starts Spark with: the master and settings {@code spark-submit} gives
   * (its {@code spark.*} system properties), {@code master} if given, else {@code local[*]}. In
   * local mode, unless set otherwise: the driver on loopback and no web UI (Spark's UI binds every
   * interface), no console progress bar (smsim prints its own progress line), and Spark's logs at
   * WARN ({@value #LOCAL_LOG_CONFIG}) so the console shows what the local run shows.
   */
  public static SparkConf conf(String master, String appName) {
    String effective = master != null ? master : System.getProperty("spark.master", "local[*]");
    boolean local = effective.startsWith("local");
    if (local && System.getProperty(LOG4J_CONFIG) == null) {
      System.setProperty(LOG4J_CONFIG, LOCAL_LOG_CONFIG); // before Spark's first log line starts log4j
    }
    SparkConf conf = new SparkConf().setMaster(effective);
    conf.setIfMissing("spark.app.name", appName);
    if (local) {
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    }
    return conf;
  }

  /** A runner on a context the caller owns (and stops), e.g. one made with {@link #conf}. */
  public static SparkRunner on(JavaSparkContext spark) {
    return new SparkRunner(null, spark);
  }

  private synchronized JavaSparkContext spark() {
    if (spark == null) {
      long t0 = System.nanoTime();
      spark = new JavaSparkContext(conf);
      startSeconds = (System.nanoTime() - t0) / 1e9;
    }
    return spark;
  }

  @Override
  public <T extends Serializable> List<List<T>> run(List<Scenario> points, long seed, int replications, Keep<T> keep,
      Listener listener) {
    if (Tasks.count(points, replications) == 0) {
      return List.of(); // e.g. a check without expectations: nothing to start Spark for
    }
    return execute(prepare(points, seed, replications, keep), listener);
  }

  /** A study's tasks, ready to run: the closure, and the files shipped with it. */
  record Job<T extends Serializable>(RunTask<T> task, List<Integer> order, int points, int replications,
      ShippedInputs inputs) {
  }

  /** Driver: checks every point can be shipped, ships the files they read, builds the task closure. */
  <T extends Serializable> Job<T> prepare(List<Scenario> points, long seed, int replications, Keep<T> keep) {
    List<ScenarioOrigin> origins = origins(points);
    ShippedInputs inputs = ShippedInputs.stage(spark(), origins, points);
    return new Job<>(new RunTask<>(origins, inputs, seed, replications, keep), Tasks.longestFirst(points,
        replications), points.size(), replications, inputs);
  }

  /** Runs a prepared study and gathers its results by task index. */
  <T extends Serializable> List<List<T>> execute(Job<T> job, Listener listener) {
    int total = job.order().size();
    int replications = job.replications();
    JavaSparkContext spark = spark();
    String group = "smsim-" + UUID.randomUUID();
    RunsListener progress = new RunsListener(group, total, listener);
    spark.sc().addSparkListener(progress);
    spark.setJobGroup(group, String.format(Locale.ROOT, "smsim: %d runs (%d points x %d replications)", total,
        job.points(), replications), false);
    List<RunTask.Indexed<T>> collected;
    try {
      collected = spark.parallelize(job.order(), total).map(job.task()).collect();
    } catch (Exception e) { // Spark throws its checked SparkException undeclared
      throw failed(e);
    } finally {
      spark.clearJobGroup();
      spark.sc().removeSparkListener(progress);
    }
    Object[] results = new Object[total];
    for (RunTask.Indexed<T> r : collected) {
      if (results[r.index()] != null) {
        throw new IllegalStateException("Spark returned run " + r.index() + " twice");
      }
      results[r.index()] = r.value();
    }
    for (int i = 0; i < total; i++) {
      if (results[i] == null) {
        throw new IllegalStateException("Spark returned no result for run " + i);
      }
    }
    return Tasks.byPoint(results, job.points(), replications);
  }

  /** The recipes that bind each point again on an executor. */
  private static List<ScenarioOrigin> origins(List<Scenario> points) {
    List<ScenarioOrigin> out = new ArrayList<>(points.size());
    for (Scenario s : points) {
      if (s.origin() == null) {
        throw new IllegalArgumentException("scenario " + s.name() + " was not bound from a scenario file, so it "
            + "cannot be shipped to Spark executors");
      }
      out.add(s.origin());
    }
    return out;
  }

  /** A failed job, said in one line (Spark's message goes on with the executor's stack trace). */
  private static RuntimeException failed(Exception e) {
    if (e instanceof RuntimeException re && !(e.getCause() instanceof SparkException)) {
      return re;
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
    return new IllegalStateException("the Spark job failed: " + message, e);
  }

  @Override
  public int parallelism() {
    return spark().defaultParallelism();
  }

  /** e.g. "Spark local[2], 2 cores (Spark started in 2.1 s)": the start is part of the study's wall time. */
  @Override
  public String describe() {
    String where = String.format(Locale.ROOT, "Spark %s, %d cores", spark().master(), parallelism());
    return Double.isNaN(startSeconds) ? where : String.format(Locale.ROOT, "%s (Spark started in %.1f s)", where,
        startSeconds);
  }

  /** Stops the context if this runner started it. */
  @Override
  public synchronized void close() {
    if (conf != null && spark != null) {
      spark.stop();
      spark = null;
    }
  }
}
