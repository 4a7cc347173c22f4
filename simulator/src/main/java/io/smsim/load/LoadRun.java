package io.smsim.load;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.smsim.engine.RandomStreams;
import io.smsim.live.NettyTransport;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One load run from start to finish: open the connections, issue requests on schedule for the
 * duration, wait until every request has its outcome (at most the response timeout after the last
 * send), keep counting late and duplicate answers for the grace period, then stop and add up.
 * Reads top-down: {@link #run} calls {@code openConnections}, {@code issue}, {@code awaitOutcomes},
 * {@code finish}.
 */
public final class LoadRun {

  /** The console line on how critical requests are sent, for a run whose traffic has some. */
  public static String describeCriticalRequests(LoadOptions options) {
    return "critical SRVs: transform (command variant 4), then the GBCS pre-command signed with "
        + PreCommandSigner.keySource(options).description() + " and sent back (command variant 5); the outcome is the device's";
  }

  private static final long START_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

  private final LoadOptions options;
  private final Traffic traffic;
  private final CallbackReceiver receiver;
  private final LoadStats stats;
  private final EventLoopGroup group;
  private final LoadWorker[] workers;
  private final ScheduledExecutorService sampling = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "smsim-load-sampler");
    t.setDaemon(true);
    return t;
  });
  private IntervalSampler sampler;
  private long t0;
  private Instant wallStart;

  /** What a caller can do while the run is under way (the failover bench injects faults with it). */
  public interface Control {
    /** The run's start, {@link System#nanoTime()}: intended send times count from here. */
    long startNanos();
  }

  private LoadRun(LoadOptions options, Traffic traffic, CallbackReceiver receiver) {
    this.options = options;
    this.traffic = traffic;
    this.receiver = receiver;
    this.stats = new LoadStats(new Codes(options.ackOnly() ? "I99" : "I0"));
    this.group = new MultiThreadIoEventLoopGroup(options.threads(), NettyTransport.get().ioHandlerFactory());
    RandomStreams streams = new RandomStreams(options.seed(), 0);
    this.workers = new LoadWorker[options.threads()];
    PrivateKey preCommandKey = PreCommandSigner.runKey(options);
    for (int w = 0; w < workers.length; w++) {
      workers[w] = new LoadWorker(w, workers.length, group.next(), options, stats, traffic,
          options.pacing().schedule(traffic, streams, w, workers.length), streams.stream("load.pick." + w),
          new PreCommandSigner(preCommandKey, new SecureRandom()));
    }
  }

  /**
   * Runs the load and returns what it measured.
   *
   * @param receiver where final responses arrive, or {@code null} with {@link LoadOptions#ackOnly()}
   * @param hlog the interval log to write, or {@code null}
   * @param progress receives a progress line each second, or {@code null}
   * @param started called as issuing begins, with a handle on the run
   * @throws TargetUnreachableException when no connection to the target could be opened
   */
  public static LoadResult run(LoadOptions options, Traffic traffic, CallbackReceiver receiver, Path hlog,
      Consumer<String> progress, Consumer<Control> started) throws InterruptedException {
    if (receiver == null && !options.ackOnly()) {
      throw new IllegalArgumentException("a callback receiver is needed unless the run is ack-only");
    }
    LoadRun run = new LoadRun(options, traffic, receiver);
    try {
      run.openConnections();
      run.issue(hlog, progress, started);
      run.awaitOutcomes();
      return run.finish();
    } finally {
      run.close();
    }
  }

  /**
   * A warm-up: the same load for {@code warmupNanos}, measured and thrown away, so that the run
   * that follows does not measure the JIT compiler and connection set-up. Returns the options of
   * the measured run: RequestID counters in a range of their own, so that a warm-up straggler is an
   * unknown response, not an answer to a measured request.
   */
  public static LoadOptions warmUp(LoadOptions options, Traffic traffic, CallbackReceiver receiver, long warmupNanos)
      throws InterruptedException {
    run(options.withDuration(warmupNanos).withTimeouts(options.responseTimeoutNanos(), 0), traffic, receiver, null,
        null, c -> { });
    return options.withIdentity(options.originator(), options.counterBase() + (1L << 40), options.seed());
  }

  private void openConnections() throws InterruptedException {
    for (LoadWorker w : workers) {
      w.warmUp();
    }
    List<io.netty.util.concurrent.Future<Integer>> opened = new ArrayList<>();
    for (int w = 0; w < workers.length; w++) {
      int n = options.connections() / workers.length + (w < options.connections() % workers.length ? 1 : 0);
      opened.add(workers[w].open(n));
    }
    int connected = 0;
    String error = null;
    for (int w = 0; w < workers.length; w++) {
      connected += opened.get(w).await().getNow();
      error = error == null ? workers[w].connectError() : error;
    }
    if (connected == 0) {
      throw new TargetUnreachableException("cannot connect to " + options.target() + ": " + error);
    }
  }

  private void issue(Path hlog, Consumer<String> progress, Consumer<Control> started) {
    if (receiver != null) {
      receiver.attach(workers, options, stats);
    }
    t0 = System.nanoTime() + START_DELAY_NANOS;
    wallStart = Instant.now().plusNanos(START_DELAY_NANOS);
    sampler = new IntervalSampler(stats, traffic.regionsUsed(), hlog, wallStart.toEpochMilli(),
        "smsim load " + options.target() + " " + options.pacing().describe(), progress);
    for (LoadWorker w : workers) {
      w.start(t0);
    }
    int[] second = {0};
    sampling.scheduleAtFixedRate(() -> sampler.sample(second[0]++), t0 + 1_000_000_000L - System.nanoTime(),
        1_000_000_000L, TimeUnit.NANOSECONDS);
    long start = t0;
    started.accept(() -> start);
  }

  /** Until every request has its outcome (bounded by the response timeout), then the grace period. */
  private void awaitOutcomes() throws InterruptedException {
    sleepUntil(t0 + options.durationNanos());
    sampler.phase("sending done, awaiting final responses (at most " + Format.seconds(
        options.responseTimeoutNanos() / 1e9) + ")");
    long deadline = t0 + options.durationNanos() + options.responseTimeoutNanos() + TimeUnit.SECONDS.toNanos(2);
    while (open() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    if (!options.ackOnly()) { // with ack-only there is no later answer to wait for
      sampler.phase("grace period: counting late and duplicate answers for " + Format.seconds(
          options.graceNanos() / 1e9) + ", nothing sent");
      sleepUntil(System.nanoTime() + options.graceNanos());
    }
  }

  private long open() throws InterruptedException {
    long n = 0;
    for (LoadWorker w : workers) {
      n += onLoop(w, w::open);
    }
    return n;
  }

  private LoadResult finish() throws InterruptedException {
    for (LoadWorker w : workers) {
      onLoop(w, () -> {
        w.stop();
        return 0L;
      });
    }
    if (receiver != null) {
      receiver.detach();
    }
    double wallSeconds = (System.nanoTime() - t0) / 1e9;
    sampling.shutdown();
    sampling.awaitTermination(5, TimeUnit.SECONDS);
    sampler.sample(sampler.rows().size());
    List<LoadWorker.WorkerResult> parts = new ArrayList<>();
    for (LoadWorker w : workers) {
      parts.add(onLoop(w, w::result));
    }
    return LoadResults.of(options, traffic, stats, sampler, parts, receiver, wallStart, wallSeconds);
  }

  private static <T> T onLoop(LoadWorker w, java.util.concurrent.Callable<T> task) throws InterruptedException {
    try {
      return w.loop.submit(task).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("worker " + w.index + " failed", e.getCause());
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  private void close() {
    sampling.shutdownNow();
    if (sampler != null) {
      sampler.close();
    }
    if (receiver != null) {
      receiver.detach();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }
}
