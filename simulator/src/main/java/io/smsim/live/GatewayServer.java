package io.smsim.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.ScheduledFuture;
import io.smsim.model.Category;
import io.smsim.model.EventKind;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.Outcome;
import io.smsim.model.ServerRole;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One CSP gateway server live: a {@link GatewayScheduler} (the simulator's model, unchanged) behind
 * its own Netty server on its own loopback port. A request is admitted or refused by the model at
 * once; a started child's lifetime ({@link GatewayScheduler#planWork}) runs as a timer, scaled by
 * the clock, and the HTTP response carries the outcome when it ends. Everything runs on the
 * region's event loop, so the model needs no locks.
 *
 * <p>Hardware failure takes the port away (the listening socket and every connection close: the
 * DSP sees refused or dropped connections); a restart or failover keeps the port but kills the
 * processes, answering in-flight requests as {@link Outcome#LOST}.
 */
final class GatewayServer {

  private static final OutcomeAnswers ANSWERS = new OutcomeAnswers();

  final ServerRole role;
  final GatewayScheduler model;
  private final LiveCluster cluster;
  private final EventLoop loop;
  private final String host;
  private final ChannelGroup connections;
  private final IntObjectHashMap<Work> inFlight = new IntObjectHashMap<>();
  private final long[] outcomes = new long[Outcome.count()];
  private Channel listener;
  private volatile int port;
  private volatile InetSocketAddress address;
  private int nextHandle;
  private long admitted;

  /** One request at the gateway (from the DSP's hop or over HTTP), or one device alert ({@code alertDone}). */
  private static final class Work {
    final ChannelHandlerContext ctx;
    /** The hop connection the request came on, or {@code null} on HTTP/1.1. */
    final GatewayHop hop;
    /** The request's id on {@code hop}. */
    final int hopId;
    final boolean keepAlive;
    final int srvIndex;
    final Category category;
    final Consumer<Outcome> alertDone;
    Outcome outcome;
    ScheduledFuture<?> timer;

    Work(ChannelHandlerContext ctx, GatewayHop hop, int hopId, boolean keepAlive, int srvIndex, Category category,
        Consumer<Outcome> alertDone) {
      this.ctx = ctx;
      this.hop = hop;
      this.hopId = hopId;
      this.keepAlive = keepAlive;
      this.srvIndex = srvIndex;
      this.category = category;
      this.alertDone = alertDone;
    }
  }

  GatewayServer(LiveCluster cluster, ServerRole role, GatewayScheduler model, EventLoop loop, String host) {
    this.cluster = cluster;
    this.role = role;
    this.model = model;
    this.loop = loop;
    this.host = host;
    this.connections = new DefaultChannelGroup(loop);
  }

  /** Binds the port (ephemeral the first time, the same port after a repair). Blocks: call off the loop or at startup. */
  void bind() throws InterruptedException {
    listener = new ServerBootstrap().group(loop).channel(NettyTransport.get().serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new GatewayInitializer(this))
        .bind(new InetSocketAddress(host, port)).sync().channel();
    port = ((InetSocketAddress) listener.localAddress()).getPort();
    address = new InetSocketAddress(host, port);
  }

  int port() {
    return port;
  }

  /** Where the server listens (the same after a repair). */
  InetSocketAddress address() {
    return address;
  }

  void connected(Channel ch) {
    connections.add(ch);
  }

  // ---- requests (on the loop) -----------------------------------------------------------------

  /**
   * A request from the DSP, on the hop ({@code hop} and its {@code hopId}) or on HTTP/1.1 ({@code hop}
   * null).
   */
  void request(ChannelHandlerContext ctx, GatewayHop hop, int hopId, int srvIndex, Category category,
      boolean keepAlive) {
    if (srvIndex < 0 || category == null) { // the hop's decoder answers its own (it reads indices)
      HttpResponses.text(ctx, HttpResponseStatus.BAD_REQUEST, "srv and category required", keepAlive);
      return;
    }
    if (!cluster.ops.serves(role)) {
      answer(ctx, hop, hopId, keepAlive, Outcome.UNAVAILABLE);
      return;
    }
    int handle = ++nextHandle & Integer.MAX_VALUE;
    switch (model.admit(handle)) {
      case STARTED -> {
        admitted++;
        inFlight.put(handle, new Work(ctx, hop, hopId, keepAlive, srvIndex, category, null));
        startWork(handle);
      }
      case QUEUED -> {
        admitted++;
        inFlight.put(handle, new Work(ctx, hop, hopId, keepAlive, srvIndex, category, null));
      }
      case SPAWN_FAILED -> {
        cluster.ops.limitReached(role.ordinal());
        answer(ctx, hop, hopId, keepAlive, Outcome.SPAWN_FAILED);
      }
      case QUEUE_FULL -> answer(ctx, hop, hopId, keepAlive, Outcome.QUEUE_FULL);
      case UNAVAILABLE -> answer(ctx, hop, hopId, keepAlive, Outcome.UNAVAILABLE);
      default -> throw new IllegalStateException();
    }
    cluster.ops.checkReaperThreshold(role.ordinal());
  }

  /**
   * A device alert reaches this server (from the device side, no HTTP): admitted by the model like a
   * request of category {@link Category#ALERT} (gateway work only); {@code done} gets its outcome.
   */
  void alert(Consumer<Outcome> done) {
    if (!cluster.ops.serves(role)) {
      done(done, Outcome.UNAVAILABLE);
      return;
    }
    int handle = ++nextHandle & Integer.MAX_VALUE;
    switch (model.admit(handle)) {
      case STARTED -> {
        admitted++;
        inFlight.put(handle, new Work(null, null, 0, false, -1, Category.ALERT, done));
        startWork(handle);
      }
      case QUEUED -> {
        admitted++;
        inFlight.put(handle, new Work(null, null, 0, false, -1, Category.ALERT, done));
      }
      case SPAWN_FAILED -> {
        cluster.ops.limitReached(role.ordinal());
        done(done, Outcome.SPAWN_FAILED);
      }
      case QUEUE_FULL -> done(done, Outcome.QUEUE_FULL);
      case UNAVAILABLE -> done(done, Outcome.UNAVAILABLE);
      default -> throw new IllegalStateException();
    }
    cluster.ops.checkReaperThreshold(role.ordinal());
  }

  private void done(Consumer<Outcome> done, Outcome outcome) {
    outcomes[outcome.ordinal()]++;
    done.accept(outcome);
  }

  private void finish(Work w, Outcome outcome) {
    if (w.alertDone != null) {
      done(w.alertDone, outcome);
    } else {
      answer(w.ctx, w.hop, w.hopId, w.keepAlive, outcome);
    }
  }

  private void startWork(int handle) {
    Work w = inFlight.get(handle);
    long lifetimeNanos = model.planWork(w.category, w.srvIndex, cluster.ops.wanDown());
    w.outcome = model.plannedOutcome();
    w.timer = loop.schedule(() -> workDone(handle), cluster.clock().realNanos(lifetimeNanos), TimeUnit.NANOSECONDS);
  }

  private void workDone(int handle) {
    Work w = inFlight.remove(handle);
    if (w == null) {
      return;
    }
    int next = model.finish();
    long linger = model.leakExitInNanos();
    if (linger >= 0) {
      int epoch = model.leakEpoch();
      loop.schedule(() -> model.leakedExit(epoch), cluster.clock().realNanos(linger), TimeUnit.NANOSECONDS);
    }
    if (next >= 0) {
      startWork(next);
    }
    finish(w, w.outcome);
  }

  private void answer(ChannelHandlerContext ctx, GatewayHop hop, int hopId, boolean keepAlive, Outcome outcome) {
    outcomes[outcome.ordinal()]++;
    if (!ctx.channel().isActive()) {
      return;
    }
    if (hop != null) {
      hop.answer(ctx, hopId, outcome);
    } else {
      ANSWERS.send(ctx, outcome, keepAlive);
    }
  }

  boolean probe(FailoverPolicy.ProbeKind kind) {
    return model.probe(kind);
  }

  // ---- server-level events (on the loop) -------------------------------------------------------

  /** The processes died (restart, failover): answer every request in flight as lost; returns how many. */
  int loseInFlight() {
    List<Work> lost = drain();
    for (Work w : lost) {
      finish(w, Outcome.LOST);
    }
    return lost.size();
  }

  /** The hardware failed: the port stops answering; in-flight requests die with their connections. */
  int goDark() {
    List<Work> lost = drain();
    for (Work w : lost) {
      if (w.alertDone != null) {
        done(w.alertDone, Outcome.LOST); // an alert dies with the machine; requests with their connections
      } else {
        outcomes[Outcome.LOST.ordinal()]++;
      }
    }
    if (listener != null) {
      listener.close();
      listener = null;
    }
    connections.close();
    return lost.size();
  }

  /** The hardware is repaired: listen on the same port again. */
  void comeBack() {
    new ServerBootstrap().group(loop).channel(NettyTransport.get().serverChannel())
        .option(ChannelOption.SO_REUSEADDR, true)
        .childOption(ChannelOption.TCP_NODELAY, true)
        .childHandler(new GatewayInitializer(this))
        .bind(new InetSocketAddress(host, port)).addListener(f -> {
          if (f.isSuccess()) {
            listener = ((io.netty.channel.ChannelFuture) f).channel();
          } else {
            cluster.event(EventKind.REBIND_FAILED, role.key(), String.valueOf(f.cause()));
          }
        });
  }

  private List<Work> drain() {
    List<Work> all = new ArrayList<>(inFlight.values());
    for (Work w : all) {
      if (w.timer != null) {
        w.timer.cancel(false);
      }
    }
    inFlight.clear();
    return all;
  }

  /** Closes the port and connections for good (shutdown). */
  void close() {
    if (listener != null) {
      listener.close();
    }
    connections.close();
  }

  long admitted() {
    return admitted;
  }

  long outcomes(Outcome o) {
    return outcomes[o.ordinal()];
  }

  int inFlight() {
    return inFlight.size();
  }

  static Category category(String key) {
    for (Category c : Category.values()) {
      if (c.key().equals(key)) {
        return c;
      }
    }
    return null;
  }
}
