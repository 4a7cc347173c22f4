package io.smsim.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.util.concurrent.ScheduledFuture;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.RequestId;
import io.smsim.engine.RandomStream;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the load: its arrival schedule, its connections, and the state and
 * outcome of every request it issues. Everything here runs on the worker's loop, so nothing is
 * locked; final responses reach it from the callback receiver by {@link EventLoop#execute}.
 *
 * <p>A timer fires at the next intended send time (at least a millisecond later) and issues every
 * request that is due (at most {@value #MAX_BATCH} per turn), writing each to an idle connection or queueing it for the next
 * connection to free up; flushes are batched per turn. A request's life: QUEUED → SENT → ACKED (I99)
 * → DONE, or DONE straight from any state with its outcome. Every {@value #EXPIRY_MILLIS} ms the
 * ring is scanned from its oldest request for deadlines (intended time + response timeout).
 */
final class LoadWorker {

  private static final int MAX_BATCH = 2048;
  /**
   * Shortest timer the worker sets. A selector waits in whole milliseconds, and an event loop asked
   * to wake sooner spins on {@code selectNow()}: at a few thousand requests a second that burned two
   * cores. Requests due within a tick go out together; each still counts from its intended time.
   */
  private static final long MIN_TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long EXPIRY_MILLIS = 5;
  private static final int MAX_LISTED_DUPLICATES = 100_000;
  /** Responses: bounded lines and headers; headers not validated (only the status and body are read). */
  private static final HttpDecoderConfig DECODER = new HttpDecoderConfig().setMaxInitialLineLength(4096)
      .setMaxHeaderSize(8192).setMaxChunkSize(64 * 1024)
      .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false));

  final int index;
  final EventLoop loop;
  private final int workers;
  private final LoadOptions options;
  private final LoadStats stats;
  private final Traffic traffic;
  private final ArrivalSchedule schedule;
  private final RandomStream random;
  private final Traffic.Pick pick = new Traffic.Pick();
  private final RequestEncoder encoder;
  private final Bootstrap bootstrap;
  private final PendingRing ring = new PendingRing(1024);
  private final Unanswered unanswered = new Unanswered();
  private final LongQueue backlog = new LongQueue();
  private final ArrayDeque<TargetConnection> idle = new ArrayDeque<>();
  private final List<TargetConnection> connections = new ArrayList<>();
  private final List<TargetConnection> touched = new ArrayList<>();
  private final SecondSeries series = new SecondSeries();
  private final int maxAwaiting;
  private final long timeoutNanos;
  private final long lateNanos;
  private long t0;
  private long nextOffset;
  private int nextComponent;
  private boolean issuing;
  private boolean stopping;
  private int awaitingAck;
  private int live;
  private boolean unreachable;
  private ScheduledFuture<?> expiry;
  private volatile String connectError;
  private final long[] byCode = new long[Codes.MAX];
  private long issued;
  private long sentOnWire;
  private long late;
  private long maxLatenessNanos;
  private int maxAwaitingSeen;
  private long lateAnswers;
  private long duplicated;
  private long unknown;
  private final List<String> duplicatedIds = new ArrayList<>();

  LoadWorker(int index, int workers, EventLoop loop, LoadOptions options, LoadStats stats, Traffic traffic,
      ArrivalSchedule schedule, RandomStream random) {
    this.index = index;
    this.workers = workers;
    this.loop = loop;
    this.options = options;
    this.stats = stats;
    this.traffic = traffic;
    this.schedule = schedule;
    this.random = random;
    this.encoder = new RequestEncoder(options);
    this.maxAwaiting = Math.max(1, options.maxInFlight() / workers);
    this.timeoutNanos = options.responseTimeoutNanos();
    this.lateNanos = options.lateThresholdNanos();
    this.bootstrap = new Bootstrap().group(loop).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
        .remoteAddress(new InetSocketAddress(options.target().getHost(), options.port()));
  }

  /**
   * Builds and drops a few thousand requests (a separate random stream, so the run's own draws are
   * unchanged), so that the first second of the run does not pay for compiling the hot path.
   */
  void warmUp() {
    RandomStream scratch = new RandomStream(index * 31L + 7);
    Traffic.Pick p = new Traffic.Pick();
    for (int i = 0; i < 5_000; i++) {
      traffic.pick(scratch, -1, p);
      encoder.encode(io.netty.buffer.UnpooledByteBufAllocator.DEFAULT, p.srvIndex, p.target, i + 1L).release();
    }
  }

  // ---- connections ----------------------------------------------------------------------------

  private TargetConnection addConnection() {
    TargetConnection c = new TargetConnection(this, connections.size());
    connections.add(c);
    return c;
  }

  /**
   * Opens {@code n} connections (on the loop); completes with how many connected. When none did,
   * {@link #connectError()} says why.
   */
  io.netty.util.concurrent.Future<Integer> open(int n) {
    io.netty.util.concurrent.Promise<Integer> done = loop.newPromise();
    loop.execute(() -> {
      int[] pending = {n};
      int[] ok = {0};
      for (int i = 0; i < n; i++) {
        connect(addConnection()).addListener(f -> {
          if (f.isSuccess()) {
            ok[0]++;
          } else {
            connectError = String.valueOf(f.cause() == null ? "failed" : f.cause().getMessage());
          }
          if (--pending[0] == 0) {
            done.setSuccess(ok[0]);
          }
        });
      }
    });
    return done;
  }

  String connectError() {
    return connectError;
  }

  private ChannelFuture connect(TargetConnection c) {
    TargetConnection.Handler handler = c.handler();
    ChannelFuture f = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
      @Override
      protected void initChannel(SocketChannel ch) {
        // Requests are written as finished bytes (RequestEncoder); only responses need a codec.
        ch.pipeline().addLast(new HttpResponseDecoder(DECODER), handler);
      }
    }).connect();
    c.channel = f.channel();
    f.addListener(x -> connected(c, f));
    return f;
  }

  private void connected(TargetConnection c, ChannelFuture f) {
    if (f.isSuccess()) {
      c.up = true;
      c.failedConnects = 0;
      live++;
      unreachable = false;
      if (stopping) {
        f.channel().close();
      } else {
        next(c, System.nanoTime());
      }
      return;
    }
    c.failedConnects++;
    if (live == 0) {
      unreachable = true;
      failBacklog(System.nanoTime());
    }
    if (!stopping) {
      long backoff = Math.min(1000, 50L << Math.min(5, c.failedConnects));
      loop.schedule(() -> connect(c), backoff, TimeUnit.MILLISECONDS);
    }
  }

  void onClosed(TargetConnection c) {
    if (c.up) {
      live--;
    }
    c.up = false;
    idle.remove(c);
    long seq = c.seq;
    c.seq = -1;
    if (seq >= 0 && ring.has(seq)) {
      int s = ring.slot(seq);
      ring.clear(s, PendingRing.ON_WIRE);
      if (ring.state(s) == PendingRing.SENT) {
        finishUnanswered(seq, s, Codes.CLOSED, false, System.nanoTime());
      }
    }
    if (!stopping) {
      if (c.failedConnects == 0) {
        connect(c);
      } else {
        loop.schedule(() -> connect(c), 100, TimeUnit.MILLISECONDS);
      }
    }
  }

  // ---- issuing --------------------------------------------------------------------------------

  /** Starts issuing at {@code startNanos} (System.nanoTime). */
  void start(long startNanos) {
    loop.execute(() -> {
      t0 = startNanos;
      nextOffset = schedule.next();
      nextComponent = schedule.component();
      issuing = nextOffset < options.durationNanos();
      expiry = loop.scheduleAtFixedRate(this::expire, EXPIRY_MILLIS, EXPIRY_MILLIS, TimeUnit.MILLISECONDS);
      if (issuing) {
        loop.schedule(this::tick, t0 + nextOffset - System.nanoTime(), TimeUnit.NANOSECONDS);
      }
    });
  }

  private void tick() {
    if (!issuing || stopping) {
      return;
    }
    long now = System.nanoTime();
    int n = 0;
    while (t0 + nextOffset <= now) {
      if (n == MAX_BATCH) {
        flush();
        loop.execute(this::tick);
        return;
      }
      issue(t0 + nextOffset, nextComponent, now);
      n++;
      nextOffset = schedule.next();
      nextComponent = schedule.component();
      if (nextOffset >= options.durationNanos()) {
        issuing = false;
        flush();
        return;
      }
    }
    flush();
    loop.schedule(this::tick, Math.max(MIN_TICK_NANOS, t0 + nextOffset - System.nanoTime()), TimeUnit.NANOSECONDS);
  }

  private void issue(long intended, int component, long now) {
    traffic.pick(random, component, pick);
    long seq = ring.add(intended, pick.target, pick.srvIndex, pick.region);
    int s = ring.slot(seq);
    issued++;
    stats.issued.increment();
    series.region(second(intended), pick.region, SecondSeries.SENT);
    awaitingAck++;
    if (awaitingAck > maxAwaiting || unreachable) {
      ring.set(s, PendingRing.NEVER_SENT);
      finish(s, unreachable ? Codes.CONNECT : Codes.OVERLOAD, now);
      return;
    }
    maxAwaitingSeen = Math.max(maxAwaitingSeen, awaitingAck);
    TargetConnection c = idle.pollLast();
    if (c != null) {
      send(c, seq, s, now, false);
    } else {
      backlog.add(seq);
    }
  }

  private void send(TargetConnection c, long seq, int s, long now, boolean flushNow) {
    ring.state(s, PendingRing.SENT);
    ring.set(s, PendingRing.ON_WIRE);
    ring.connection(s, c.index);
    c.seq = seq;
    long lateness = now - ring.intended(s);
    if (lateness > lateNanos) {
      late++;
      stats.late.increment();
    }
    maxLatenessNanos = Math.max(maxLatenessNanos, lateness);
    sentOnWire++;
    ByteBuf request = encoder.encode(c.channel.alloc(), ring.srv(s), ring.target(s), counter(seq));
    if (flushNow) {
      c.channel.writeAndFlush(request, c.channel.voidPromise());
    } else {
      c.channel.write(request, c.channel.voidPromise());
      touched.add(c);
    }
  }

  private void flush() {
    for (TargetConnection c : touched) {
      c.channel.flush();
    }
    touched.clear();
  }

  /** {@code c} is free: give it the oldest queued request, or park it. */
  private void next(TargetConnection c, long now) {
    if (stopping || !c.up) {
      return;
    }
    while (!backlog.isEmpty()) {
      long seq = backlog.poll();
      if (ring.has(seq) && ring.state(ring.slot(seq)) == PendingRing.QUEUED) {
        send(c, seq, ring.slot(seq), now, true);
        return;
      }
    }
    idle.addLast(c);
  }

  private void failBacklog(long now) {
    while (!backlog.isEmpty()) {
      long seq = backlog.poll();
      if (ring.has(seq) && ring.state(ring.slot(seq)) == PendingRing.QUEUED) {
        int s = ring.slot(seq);
        ring.set(s, PendingRing.NEVER_SENT);
        finish(s, Codes.CONNECT, now);
      }
    }
  }

  // ---- answers --------------------------------------------------------------------------------

  /** The synchronous answer on {@code c}: I99 acknowledges, I0 succeeds, anything else is an error. */
  void onAnswer(TargetConnection c, int status, byte[] body, int length) {
    long seq = c.seq;
    c.seq = -1;
    long now = System.nanoTime();
    if (seq < 0 || !ring.has(seq)) {
      c.channel.close(); // an answer nobody asked for: the connection is out of step
      return;
    }
    int s = ring.slot(seq);
    ring.clear(s, PendingRing.ON_WIRE);
    stats.recordAck(now - ring.intended(s));
    if (ring.state(s) == PendingRing.SENT) {
      String code = status == 0 ? null : SyncAnswer.code(body, length);
      if (status == 200 && "I99".equals(code) && !options.ackOnly()) {
        awaitingAck--;
        ring.state(s, PendingRing.ACKED);
      } else if (status == 200 && ("I99".equals(code) || "I0".equals(code))) {
        finish(s, Codes.OK, now);
      } else {
        finish(s, stats.codes.index(code != null ? "ack:" + code : status == 0 ? "http:malformed" : "http:" + status),
            now);
      }
    }
    next(c, now);
  }

  /** A final response for this worker's request {@code seq}, received at {@code now}. */
  void onFinal(DuisResponse r, long seq, long now) {
    if (seq >= ring.next()) {
      unknown++;
      return;
    }
    if (!ring.has(seq)) {
      answeredAgain(seq, r);
      return;
    }
    int s = ring.slot(seq);
    if (r.requestId().target() != ring.target(s)) {
      unknown++;
      return;
    }
    byte state = ring.state(s);
    if (state == PendingRing.SENT || state == PendingRing.ACKED) {
      stats.recordE2e(ring.region(s), now - ring.intended(s));
      finish(s, r.isSuccess() ? Codes.OK : stats.codes.index(r.responseCode()), now);
    } else if (state == PendingRing.QUEUED || ring.flag(s, PendingRing.NEVER_SENT)) {
      unknown++;
    } else {
      answeredAgain(seq, r);
    }
  }

  /** A final response for a request that already has its outcome: late (first answer) or duplicated. */
  private void answeredAgain(long seq, DuisResponse r) {
    int p = unanswered.find(seq);
    if (p >= 0 && unanswered.target(p) != r.requestId().target()) {
      unknown++;
    } else if (p >= 0 && !unanswered.flag(p, Unanswered.ANSWERED_LATE)) {
      unanswered.set(p, Unanswered.ANSWERED_LATE);
      lateAnswers++;
    } else {
      duplicated++;
      if (duplicatedIds.size() < MAX_LISTED_DUPLICATES) {
        duplicatedIds.add(r.requestId().format());
      }
    }
  }

  // ---- outcomes -------------------------------------------------------------------------------

  private void finish(int s, int code, long now) {
    byte state = ring.state(s);
    if (state == PendingRing.QUEUED || state == PendingRing.SENT) {
      awaitingAck--;
    }
    ring.state(s, PendingRing.DONE);
    series.completed(second(now), code);
    int sent = second(ring.intended(s));
    series.region(sent, ring.region(s), code == Codes.OK ? SecondSeries.OK : SecondSeries.FAILED);
    if (code != Codes.OK) {
      series.failedAt(sent, ring.region(s), ring.intended(s) - t0);
    }
    byCode[code]++;
    if (code == Codes.OK) {
      stats.ok.increment();
    } else {
      (Codes.isTimeout(code) ? stats.timeouts : stats.errors).increment();
      stats.failed(ring.region(s), now);
    }
  }

  /** Ends a request that got no answer: remembered, so that a late answer is not taken for a duplicate. */
  private void finishUnanswered(long seq, int s, int code, boolean acknowledged, long now) {
    if (Codes.isTimeout(code)) {
      // Censored at the deadline: the true latency is at least this (coordinated-omission-free).
      if (!acknowledged) {
        stats.recordAck(timeoutNanos);
      }
      stats.recordE2e(ring.region(s), timeoutNanos);
    }
    if (ring.flag(s, PendingRing.ON_WIRE) || ring.state(s) != PendingRing.QUEUED) {
      ring.set(s, PendingRing.ENDED_UNANSWERED);
      unanswered.add(seq, ring.target(s), acknowledged);
    } else {
      ring.set(s, PendingRing.NEVER_SENT);
    }
    finish(s, code, now);
  }

  private void expire() {
    long now = System.nanoTime();
    while (ring.size() > 0) {
      long seq = ring.base();
      int s = ring.slot(seq);
      byte state = ring.state(s);
      boolean onWire = ring.flag(s, PendingRing.ON_WIRE);
      if (state == PendingRing.DONE && !onWire) {
        ring.retire();
        continue;
      }
      if (ring.intended(s) + timeoutNanos > now) {
        return;
      }
      if (state == PendingRing.DONE) {
        closeConnectionOf(seq, s); // decided, but its connection still waits for an answer
        return;
      }
      if (state == PendingRing.ACKED) {
        finishUnanswered(seq, s, Codes.TIMEOUT, true, now);
      } else {
        finishUnanswered(seq, s, Codes.TIMEOUT_NO_ACK, false, now);
        if (state == PendingRing.SENT) {
          closeConnectionOf(seq, s);
        }
      }
    }
  }

  private void closeConnectionOf(long seq, int s) {
    int i = ring.connection(s);
    TargetConnection c = i < 0 ? null : connections.get(i);
    if (c != null && c.seq == seq && c.channel != null) {
      c.channel.close();
    } else {
      ring.clear(s, PendingRing.ON_WIRE);
    }
  }

  // ---- run control and results -----------------------------------------------------------------

  private long counter(long seq) {
    return options.counterBase() + seq * workers + index + 1;
  }

  private int second(long nanos) {
    return (int) Math.max(0, (nanos - t0) / 1_000_000_000L);
  }

  /** Requests not yet retired (some may have their outcome and wait for their connection). On the loop. */
  long open() {
    return ring.size();
  }

  /** Stops issuing and reconnecting, and closes the connections. On the loop. */
  void stop() {
    stopping = true;
    issuing = false;
    if (expiry != null) {
      expiry.cancel(false);
    }
    for (TargetConnection c : connections) {
      if (c.channel != null) {
        c.channel.close();
      }
    }
  }

  /** This worker's accounting. On the loop, after {@link #stop()}. */
  WorkerResult result() {
    long inFlight = 0;
    for (long q = ring.base(); q < ring.next(); q++) {
      inFlight += ring.state(ring.slot(q)) == PendingRing.DONE ? 0 : 1;
    }
    List<long[]> lost = new ArrayList<>();
    unanswered.forEach((seq, target, flags) -> {
      if ((flags & Unanswered.ACKNOWLEDGED) != 0 && (flags & Unanswered.ANSWERED_LATE) == 0) {
        lost.add(new long[] {counter(seq), target});
      }
    });
    List<String> lostIds = new ArrayList<>(lost.size());
    lost.sort((a, b) -> Long.compare(a[0], b[0]));
    for (long[] l : lost) {
      lostIds.add(new RequestId(options.originator(), l[1], l[0]).format());
    }
    return new WorkerResult(issued, sentOnWire, byCode.clone(), inFlight, late, maxLatenessNanos, maxAwaitingSeen,
        lateAnswers, duplicated, List.copyOf(duplicatedIds), unknown, lostIds, series.copy());
  }

  /** One worker's accounting at the end of a run. */
  record WorkerResult(long issued, long sentOnWire, long[] byCode, long inFlight, long late, long maxLatenessNanos,
      int maxAwaiting, long lateAnswers, long duplicated, List<String> duplicatedIds, long unknown,
      List<String> lostIds, SecondSeries series) {
  }
}
