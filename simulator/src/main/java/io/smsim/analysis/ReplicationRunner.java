package io.smsim.analysis;

import io.smsim.metrics.RunResult;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import io.smsim.sim.Replay;
import io.smsim.workload.CategoryLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs replications of several scenarios (variants, sweep points) on a fixed pool of threads in
 * one JVM. Task (point p, replication r) runs {@code Replay.run(points[p], seed, r)}: replication r
 * draws from substream r of every named stream, so replication r of every point sees the same
 * random numbers (common random numbers). Each task keeps only what {@code keep} extracts (a few
 * numbers), so memory does not grow with the runs' timelines; results are stored by (p, r), so
 * what callers see never depends on the number of threads or the order tasks finish in. The run
 * handed to {@code keep} carries its own wall-clock time in {@code wallSeconds}.
 *
 * <p>Tasks start longest first (the "longest processing time" rule, Graham 1969), by an estimate
 * of each point's requests, so a sweep's big points do not run alone at the end while other
 * threads idle. The order changes only when results arrive, never what they are.
 */
public final class ReplicationRunner {

  /** Told after each finished run (from a worker thread). */
  @FunctionalInterface
  public interface Listener {
    void onRunDone(int done, int total);
  }

  private ReplicationRunner() {
  }

  /** The number of threads to use by default: every core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  /** What to keep of a run, knowing which point it is of. */
  @FunctionalInterface
  public interface PointKeep<T> {
    T keep(int point, RunResult run);
  }

  /**
   * Runs replications {@code 0 .. replications-1} of every point.
   *
   * @param keep what to keep of a run; called on the worker thread, must not share mutable state
   * @param listener may be null
   * @return {@code keep} of each run, indexed [point][replication]
   */
  public static <T> List<List<T>> run(List<Scenario> points, long seed, int replications, int threads,
      Function<RunResult, T> keep, Listener listener) {
    return runPoints(points, seed, replications, threads, (point, run) -> keep.apply(run), listener);
  }

  /** As {@link #run}, with {@code keep} told the run's point (e.g. to keep one point's run in full). */
  public static <T> List<List<T>> runPoints(List<Scenario> points, long seed, int replications, int threads,
      PointKeep<T> keep, Listener listener) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be positive: " + replications);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    int total = points.size() * replications;
    Object[] results = new Object[total];
    AtomicInteger done = new AtomicInteger();
    int workers = Math.min(threads, Math.max(1, total));
    if (workers == 1) {
      for (int i = 0; i < total; i++) {
        results[i] = task(points, seed, replications, i, keep);
        notify(listener, done.incrementAndGet(), total);
      }
    } else {
      runParallel(points, seed, replications, workers, keep, listener, results, done);
    }
    List<List<T>> out = new ArrayList<>(points.size());
    for (int p = 0; p < points.size(); p++) {
      List<T> reps = new ArrayList<>(replications);
      for (int r = 0; r < replications; r++) {
        @SuppressWarnings("unchecked")
        T t = (T) results[p * replications + r];
        reps.add(t);
      }
      out.add(reps);
    }
    return out;
  }

  private static <T> void runParallel(List<Scenario> points, long seed, int replications, int workers,
      PointKeep<T> keep, Listener listener, Object[] results, AtomicInteger done) {
    int total = results.length;
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
    try {
      List<Future<?>> futures = new ArrayList<>(total);
      for (int index : longestFirst(points, replications)) {
        futures.add(pool.submit(() -> {
          results[index] = task(points, seed, replications, index, keep);
          notify(listener, done.incrementAndGet(), total);
        }));
      }
      for (Future<?> f : futures) {
        f.get(); // also publishes results[index] to this thread (happens-before)
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Task indices, points with the most expected requests first, ties in index order. */
  static List<Integer> longestFirst(List<Scenario> points, int replications) {
    double[] cost = new double[points.size()];
    for (int p = 0; p < cost.length; p++) {
      cost[p] = expectedRequests(points.get(p));
    }
    List<Integer> order = new ArrayList<>(points.size() * replications);
    for (int i = 0; i < points.size() * replications; i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int c = Double.compare(cost[b / replications], cost[a / replications]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return order;
  }

  /** Requests the scenario's workload sends (journeys count each step): the cost estimate of a run. */
  static double expectedRequests(Scenario s) {
    double days = s.durationNanos() / 86_400e9;
    double perDay = 0;
    for (RegionSpec r : s.regions().values()) {
      for (CategoryLoad load : r.workload().values()) {
        perDay += load.perDay() * (load.isJourney() ? load.journey().size() : 1);
      }
    }
    return perDay * days;
  }

  private static <T> T task(List<Scenario> points, long seed, int replications, int index, PointKeep<T> keep) {
    int p = index / replications;
    int r = index % replications;
    long t0 = System.nanoTime();
    RunResult run = Replay.run(points.get(p), seed, r, null);
    return keep.keep(p, run.withWallSeconds((System.nanoTime() - t0) / 1e9));
  }

  private static void notify(Listener listener, int done, int total) {
    if (listener != null) {
      listener.onRunDone(done, total);
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "smsim-replication-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
