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

  /** One request at the gateway. */
  private static final class Work {
    final ChannelHandlerContext ctx;
    final boolean keepAlive;
    final int srvIndex;
    final Category category;
    Outcome outcome;
    ScheduledFuture<?> timer;

    Work(ChannelHandlerContext ctx, boolean keepAlive, int srvIndex, Category category) {
      this.ctx = ctx;
      this.keepAlive = keepAlive;
      this.srvIndex = srvIndex;
      this.category = category;
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

  void request(ChannelHandlerContext ctx, int srvIndex, Category category, boolean keepAlive) {
    if (srvIndex < 0 || category == null) {
      HttpResponses.text(ctx, HttpResponseStatus.BAD_REQUEST, "srv and category required", keepAlive);
      return;
    }
    if (!cluster.ops.serves(role)) {
      answer(ctx, keepAlive, Outcome.UNAVAILABLE);
      return;
    }
    int handle = ++nextHandle & Integer.MAX_VALUE;
    switch (model.admit(handle)) {
      case STARTED -> {
        admitted++;
        inFlight.put(handle, new Work(ctx, keepAlive, srvIndex, category));
        startWork(handle);
      }
      case QUEUED -> {
        admitted++;
        inFlight.put(handle, new Work(ctx, keepAlive, srvIndex, category));
      }
      case SPAWN_FAILED -> {
        cluster.ops.limitReached(role.ordinal());
        answer(ctx, keepAlive, Outcome.SPAWN_FAILED);
      }
      case QUEUE_FULL -> answer(ctx, keepAlive, Outcome.QUEUE_FULL);
      case UNAVAILABLE -> answer(ctx, keepAlive, Outcome.UNAVAILABLE);
      default -> throw new IllegalStateException();
    }
    cluster.ops.checkReaperThreshold(role.ordinal());
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
    if (next >= 0) {
      startWork(next);
    }
    answer(w.ctx, w.keepAlive, w.outcome);
  }

  private void answer(ChannelHandlerContext ctx, boolean keepAlive, Outcome outcome) {
    outcomes[outcome.ordinal()]++;
    if (!ctx.channel().isActive()) {
      return;
    }
    ANSWERS.send(ctx, outcome, keepAlive);
  }

  boolean probe(FailoverPolicy.ProbeKind kind) {
    return model.probe(kind);
  }

  // ---- server-level events (on the loop) -------------------------------------------------------

  /** The processes died (restart, failover): answer every request in flight as lost; returns how many. */
  int loseInFlight() {
    List<Work> lost = drain();
    for (Work w : lost) {
      answer(w.ctx, w.keepAlive, Outcome.LOST);
    }
    return lost.size();
  }

  /** The hardware failed: the port stops answering; in-flight requests die with their connections. */
  int goDark() {
    List<Work> lost = drain();
    outcomes[Outcome.LOST.ordinal()] += lost.size();
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
