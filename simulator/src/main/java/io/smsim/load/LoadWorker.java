package io.smsim.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import io.netty.util.concurrent.ScheduledFuture;
import io.smsim.duis.DuisResponse;
import io.smsim.engine.RandomStream;
import io.smsim.live.NettyTransport;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One event loop's share of the load: its arrival schedule and its connections; the state and
 * outcome of each request it issues are in its {@link Ledger}. Everything here runs on the
 * worker's loop, so nothing is locked; final responses reach it from the callback receiver by
 * {@link EventLoop#execute}.
 *
 * <p>A timer fires at the next intended send time (at least a millisecond later) and issues every
 * request that is due (at most {@value #MAX_BATCH} per turn), writing each to an idle connection or
 * queueing it for the next connection to free up; flushes are batched per turn. Every
 * {@value #EXPIRY_MILLIS} ms the ledger ends the requests past their deadline.
 *
 * <p>A critical request goes to the Transform Service first; the worker signs the GBCS pre-command
 * that comes back ({@link PreCommandSigner}) and sends it as a signed pre-command, on the same
 * connection when the pre-command was the synchronous answer (as DCC Boxed gives it), or as soon as
 * a connection is free when it came in a callback. The ledger counts the signed pre-command's
 * outcome as the request's.
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
  /** Responses: bounded lines and headers; headers not validated (only the status and body are read). */
  private static final HttpDecoderConfig DECODER = new HttpDecoderConfig().setMaxInitialLineLength(4096)
      .setMaxHeaderSize(8192).setMaxChunkSize(64 * 1024)
      .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false));

  final int index;
  final EventLoop loop;
  private final LoadOptions options;
  private final LoadStats stats;
  private final Traffic traffic;
  private final ArrivalSchedule schedule;
  private final RandomStream random;
  private final Traffic.Pick pick = new Traffic.Pick();
  private final RequestEncoder encoder;
  private final Bootstrap bootstrap;
  private final Ledger ledger;
  private final PreCommandSigner signer;
  private final LongQueue backlog = new LongQueue();
  private final ArrayDeque<TargetConnection> idle = new ArrayDeque<>();
  private final List<TargetConnection> connections = new ArrayList<>();
  private final List<TargetConnection> touched = new ArrayList<>();
  private final int maxAwaiting;
  private final long lateNanos;
  private long t0;
  private long nextOffset;
  private int nextComponent;
  private boolean issuing;
  private boolean stopping;
  private int live;
  private boolean unreachable;
  private ScheduledFuture<?> expiry;
  private volatile String connectError;
  private long sentOnWire;
  private long late;
  private long maxLatenessNanos;

  LoadWorker(int index, int workers, EventLoop loop, LoadOptions options, LoadStats stats, Traffic traffic,
      ArrivalSchedule schedule, RandomStream random, PreCommandSigner signer) {
    this.index = index;
    this.loop = loop;
    this.options = options;
    this.stats = stats;
    this.traffic = traffic;
    this.schedule = schedule;
    this.random = random;
    this.encoder = new RequestEncoder(options);
    this.maxAwaiting = Math.max(1, options.maxInFlight() / workers);
    this.ledger = new Ledger(options, stats, index, workers, Traffic.criticalSrvs());
    this.signer = signer;
    this.lateNanos = options.lateThresholdNanos();
    this.bootstrap = new Bootstrap().group(loop).channel(NettyTransport.get().socketChannel())
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
    int n = encoder.signs() ? 500 : 5_000; // signing costs ~100 times more per request
    for (int i = 0; i < n; i++) {
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
  Future<Integer> open(int n) {
    Promise<Integer> done = loop.newPromise();
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
    ledger.closed(seq, System.nanoTime());
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
      ledger.start(startNanos);
      nextOffset = schedule.next();
      nextComponent = schedule.component();
      issuing = nextOffset < options.durationNanos();
      expiry = loop.scheduleAtFixedRate(() -> ledger.expire(System.nanoTime(), this::closeCarrying), EXPIRY_MILLIS,
          EXPIRY_MILLIS, TimeUnit.MILLISECONDS);
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
    long seq = ledger.issue(intended, pick.target, pick.srvIndex, pick.region);
    if (ledger.awaiting() > maxAwaiting || unreachable) {
      ledger.refuse(seq, unreachable ? Codes.CONNECT : Codes.OVERLOAD, now);
      return;
    }
    TargetConnection c = idle.pollLast();
    if (c != null) {
      send(c, seq, now, false);
    } else {
      backlog.add(seq);
    }
  }

  private void send(TargetConnection c, long seq, long now, boolean flushNow) {
    c.seq = seq;
    long intended = ledger.sent(seq, c.index);
    ByteBuf request;
    if (ledger.isTransformed(seq)) { // its pre-command came in a callback: the second step, not a send on schedule
      request = encoder.encodeSignedPreCommand(c.channel.alloc(), ledger.srv(seq), ledger.target(seq),
          ledger.counter(seq), ledger.takeSignedPreCommand(seq));
    } else {
      long lateness = now - intended;
      if (lateness > lateNanos) {
        late++;
        stats.late.increment();
      }
      maxLatenessNanos = Math.max(maxLatenessNanos, lateness);
      sentOnWire++;
      request = encoder.encode(c.channel.alloc(), ledger.srv(seq), ledger.target(seq), ledger.counter(seq));
    }
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
      if (ledger.sendable(seq, now)) { // else it timed out while it waited
        send(c, seq, now, true);
        return;
      }
    }
    idle.addLast(c);
  }

  private void failBacklog(long now) {
    while (!backlog.isEmpty()) {
      long seq = backlog.poll();
      if (ledger.isQueued(seq)) {
        ledger.refuse(seq, Codes.CONNECT, now);
      }
    }
  }

  // ---- answers --------------------------------------------------------------------------------

  /**
   * The synchronous answer on {@code c} ({@code status} 0: malformed HTTP), its body in
   * {@code body[0, length)}, from {@code server} (a {@link ServerNames} slot).
   */
  void onAnswer(TargetConnection c, int status, byte[] body, int length, int server) {
    long seq = c.seq;
    long now = System.nanoTime();
    String code = status == 0 ? null : SyncAnswer.code(body, length);
    if (status == 200 && ledger.awaitsPreCommand(seq)) {
      String preCommand = "I0".equals(code) ? SyncAnswer.preCommand(body, length) : null;
      if (preCommand != null) {
        signPreCommand(c, seq, preCommand, now);
        return;
      }
      String early = "I99".equals(code) ? ledger.signedPreCommandBeforeAck(seq) : null;
      if (early != null) { // the pre-command's callback overtook this acknowledgement
        sendSignedPreCommand(c, seq, early);
        return;
      }
    }
    c.seq = -1;
    if (!ledger.answered(seq, status, code, server, now)) {
      c.channel.close(); // an answer nobody asked for: the connection is out of step
      return;
    }
    next(c, now);
  }

  /** The {@link ServerNames} slot of the server named in {@code headers} ({@code --server-header}), or none. */
  int serverSlot(HttpHeaders headers) {
    return options.serverHeader() == null ? ServerNames.NONE : stats.servers.slot(headers.get(options.serverHeader()));
  }

  /**
   * Signs the pre-command the Transform Service answered request {@code seq} with and sends it back
   * on {@code c}, which keeps carrying the request; when it is not a pre-command for the request,
   * that is the request's outcome and {@code c} is free.
   */
  private void signPreCommand(TargetConnection c, long seq, String preCommand, long now) {
    String signed = signer.sign(preCommand, ledger.requestId(seq));
    if (signed == null) {
      c.seq = -1;
      ledger.preCommandRefused(seq, true, now);
      next(c, now);
      return;
    }
    ledger.transformed(seq);
    sendSignedPreCommand(c, seq, signed);
  }

  private void sendSignedPreCommand(TargetConnection c, long seq, String signed) {
    c.channel.writeAndFlush(encoder.encodeSignedPreCommand(c.channel.alloc(), ledger.srv(seq), ledger.target(seq),
        ledger.counter(seq), signed), c.channel.voidPromise());
  }

  /**
   * A final response for this worker's request {@code seq}, received at {@code now};
   * {@code signatureRefusal} is its outcome code when its signature was not accepted, else
   * {@code null}. An accepted one that carries the pre-command of a transform sends the request's
   * second step instead, once a connection is free (or, when it overtook the transform's
   * acknowledgement, once that comes).
   */
  void onFinal(DuisResponse r, long seq, long now, String signatureRefusal) {
    if (signatureRefusal != null || r.preCommand() == null || r.requestId() == null
        || !ledger.awaitsPreCommandCallback(seq, r.requestId().target())) {
      ledger.finalResponse(r, seq, now, signatureRefusal);
      return;
    }
    String signed = signer.sign(r.preCommand(), ledger.requestId(seq));
    if (signed == null) {
      ledger.preCommandRefused(seq, false, now);
    } else if (ledger.transformedByCallback(seq, signed)) {
      TargetConnection c = idle.pollLast();
      if (c != null) {
        send(c, seq, now, true);
      } else {
        backlog.add(seq);
      }
    }
  }

  /** Closes connection {@code i} if it still carries request {@code seq} (its deadline passed). */
  private boolean closeCarrying(int i, long seq) {
    TargetConnection c = i < 0 ? null : connections.get(i);
    if (c != null && c.seq == seq && c.channel != null) {
      c.channel.close();
      return true;
    }
    return false;
  }

  // ---- run control and results -----------------------------------------------------------------

  /** Requests not yet retired (some may have their outcome and wait for their connection). On the loop. */
  long open() {
    return ledger.open();
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

  /** This worker's accounting, every overdue request ended first. On the loop, after {@link #stop()}. */
  WorkerResult result() {
    ledger.endOverdue(System.nanoTime());
    return new WorkerResult(ledger.totals(), sentOnWire, late, maxLatenessNanos);
  }

  /** One worker's accounting at the end of a run: its ledger's, and the punctuality of its sends. */
  record WorkerResult(Ledger.Totals ledger, long sentOnWire, long late, long maxLatenessNanos) {
  }
}
