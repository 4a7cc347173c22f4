package io.smsim.sim;

import io.smsim.engine.Simulation;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Advances independent region models ({@link ReplayModel}) to the end of the run in slices of
 * virtual time, on up to {@code threads} threads. A region is never on two threads at once; after
 * each slice it goes to the back of the pool's queue, so any thread may take it next. Slicing is
 * what lets two threads share three regions of unequal load (national shares 25/40/35%) with little
 * idle time, where one thread per region would wait for the largest.
 *
 * <p><b>Coupled regions, later.</b> Regions exchange nothing today. A future model that couples
 * them (a shared DSP or message broker whose messages take at least {@code d} of virtual time to
 * cross from one region to another) needs conservative synchronisation (Chandy–Misra–Bryant, or
 * synchronous windows as in Lubachevsky's bounded lag): a region may run ahead of the slowest other
 * region by at most the lookahead {@code d}. With slices no longer than {@code d} that is a barrier
 * per slice: every region finishes slice k, cross-region messages sent in it are delivered into
 * their target queues (ordered by time, then by sending region, then by sequence, so results stay
 * independent of the thread count), and slice k+1 starts. The slice length here is the place to put
 * {@code d}; coupling with zero delay would leave one queue as the only exact choice.
 */
final class RegionScheduler {

  /** Virtual time per slice: fine enough to balance the threads, coarse enough to cost nothing. */
  static final long SLICE_NANOS = 15 * 60_000_000_000L;

  private final List<ReplayModel> models;
  private final long endNanos;
  private final Simulation.ProgressListener progress;
  private final long[] reachedNanos;
  private final long[] eventsByRegion;

  RegionScheduler(List<ReplayModel> models, long endNanos, Simulation.ProgressListener progress) {
    this.models = models;
    this.endNanos = endNanos;
    this.progress = progress;
    this.reachedNanos = new long[models.size()];
    this.eventsByRegion = new long[models.size()];
  }

  void run(int threads) {
    int n = Math.min(threads, models.size());
    if (n <= 1) {
      for (long until = SLICE_NANOS; ; until += SLICE_NANOS) {
        for (int i = 0; i < models.size(); i++) {
          slice(i, until);
        }
        if (until >= endNanos) {
          return;
        }
      }
    }
    runOnPool(n);
  }

  private void runOnPool(int threads) {
    AtomicInteger ids = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "smsim-region-" + ids.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
    CountDownLatch done = new CountDownLatch(models.size());
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try {
      for (int i = 0; i < models.size(); i++) {
        pool.execute(new Task(i, pool, done, failure));
      }
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while regions were running", e);
    } finally {
      pool.shutdownNow();
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException re) {
      throw re;
    }
    if (t instanceof Error err) {
      throw err;
    }
    if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /** One region: run a slice, then queue itself again until the run's end. */
  private final class Task implements Runnable {
    private final int index;
    private final ExecutorService pool;
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure;
    private long until = SLICE_NANOS;

    Task(int index, ExecutorService pool, CountDownLatch done, AtomicReference<Throwable> failure) {
      this.index = index;
      this.pool = pool;
      this.done = done;
      this.failure = failure;
    }

    @Override
    public void run() {
      try {
        if (failure.get() != null) {
          done.countDown();
          return;
        }
        slice(index, until);
        if (until >= endNanos) {
          done.countDown();
          return;
        }
        until += SLICE_NANOS;
        pool.execute(this);
      } catch (Throwable t) {
        failure.compareAndSet(null, t);
        done.countDown();
      }
    }
  }

  private void slice(int i, long until) {
    ReplayModel m = models.get(i);
    m.runUntil(until);
    if (progress != null) {
      report(i, m.sim.nowNanos(), m.sim.eventsProcessed());
    }
  }

  /** Progress is the least advanced region's virtual time and the events of all. */
  private synchronized void report(int i, long nowNanos, long eventsProcessed) {
    reachedNanos[i] = nowNanos;
    eventsByRegion[i] = eventsProcessed;
    long min = Long.MAX_VALUE;
    long events = 0;
    for (int k = 0; k < models.size(); k++) {
      min = Math.min(min, reachedNanos[k]);
      events += eventsByRegion[k];
    }
    progress.onProgress(min, events);
  }
}
