package io.smsim.analysis;

import io.smsim.scenario.Scenario;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The local {@link Runner}: a fixed pool of threads in this JVM. Tasks start longest first
 * ({@link Tasks#longestFirst}); each keeps only what {@code keep} extracts, so memory does not grow
 * with the runs' timelines; results are stored by task index, so what callers see never depends
 * on the number of threads or the order tasks finish in.
 */
public final class ReplicationRunner implements Runner {

  private final int threads;

  private ReplicationRunner(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be positive: " + threads);
    }
    this.threads = threads;
  }

  /** A runner on {@code n} threads. */
  public static ReplicationRunner threads(int n) {
    return new ReplicationRunner(n);
  }

  /** The number of threads to use by default: every core. */
  public static int defaultThreads() {
    return Runtime.getRuntime().availableProcessors();
  }

  @Override
  public int parallelism() {
    return threads;
  }

  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%d thread%s", threads, threads == 1 ? "" : "s");
  }

  @Override
  public <T extends Serializable> List<List<T>> run(List<Scenario> points, long seed, int replications, Keep<T> keep,
      Listener listener) {
    int total = Tasks.count(points, replications);
    Object[] results = new Object[total];
    AtomicInteger done = new AtomicInteger();
    int workers = Math.min(threads, total);
    if (workers <= 1) {
      for (int i = 0; i < total; i++) {
        results[i] = Tasks.run(points.get(i / replications), i / replications, seed, i % replications, keep);
        notify(listener, done.incrementAndGet(), total);
      }
    } else {
      runParallel(points, seed, replications, workers, keep, listener, results, done);
    }
    return Tasks.byPoint(results, points.size(), replications);
  }

  private static <T extends Serializable> void runParallel(List<Scenario> points, long seed, int replications,
      int workers, Keep<T> keep, Listener listener, Object[] results, AtomicInteger done) {
    int total = results.length;
    ExecutorService pool = Executors.newFixedThreadPool(workers, daemonThreads());
    try {
      List<Future<?>> futures = new ArrayList<>(total);
      for (int index : Tasks.longestFirst(points, replications)) {
        futures.add(pool.submit(() -> {
          int p = index / replications;
          results[index] = Tasks.run(points.get(p), p, seed, index % replications, keep);
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
