package io.smsim.live;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.collection.IntObjectHashMap;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The DSP's hop to the gateway servers, multiplexed on {@link HopProtocol}'s binary frames: from each
 * event loop, one connection per gateway server carries every request in flight to it, each under
 * its own id, answered in whatever order the gateway's children end. Requests written in one turn of
 * the loop leave in one write and answers arrive several to a read; no frame is parsed as text or
 * allocates a buffer of its own.
 *
 * <p>Failures are told apart as {@link LoopbackHttpClient} tells them: a refused connection is
 * {@link HttpResult.Failure#REFUSED} for every request waiting on it; a connection that closes fails
 * each request in flight on it as {@link HttpResult.Failure#CLOSED} (the next request opens a new
 * one); no answer by the deadline is {@link HttpResult.Failure#TIMEOUT}; beyond {@code maxInFlight}
 * requests to one server from one loop, {@link HttpResult.Failure#OVERLOADED} at once. Every request
 * ends exactly once. An exchange started on one of the group's loops runs wholly on it, and ends on
 * it. The deadlines of a server's requests from a loop share one timer, which sleeps again when it
 * fires before the earliest deadline still pending: no timer is scheduled or cancelled per request.
 */
final class HopClient implements AutoCloseable {

  /** How a request ended: {@code failure} NONE with the gateway's answer {@code code}, else a transport failure. */
  @FunctionalInterface
  interface Done {
    void ended(HttpResult.Failure failure, int code);
  }

  private final Bootstrap bootstrap;
  private final int maxInFlight;
  private final EventLoopGroup group;
  private final EventExecutor[] loops;
  private final Map<EventExecutor, Map<InetSocketAddress, Link>> links = new IdentityHashMap<>();
  private volatile boolean closed;

  /**
   * @param maxInFlight requests in flight to one server from one loop (connecting, or sent)
   * @param connectTimeoutMillis connect deadline
   */
  HopClient(EventLoopGroup group, int maxInFlight, int connectTimeoutMillis) {
    this.group = group;
    this.maxInFlight = maxInFlight;
    this.bootstrap = new Bootstrap().channel(NettyTransport.get().socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    List<EventExecutor> all = new ArrayList<>();
    group.forEach(all::add);
    this.loops = all.toArray(EventExecutor[]::new);
    for (EventExecutor e : loops) {
      links.put(e, new HashMap<>());
    }
  }

  /**
   * Sends a request for SRV {@code srvIndex} of {@code category} (as {@link HopProtocol} carries them)
   * to {@code to}; {@code done} is called once, within {@code timeoutNanos}.
   */
  void send(InetSocketAddress to, int srvIndex, int category, long timeoutNanos, Done done) {
    Exchange ex = new Exchange(srvIndex, category, timeoutNanos, done);
    for (EventExecutor loop : loops) {
      if (loop.inEventLoop()) {
        submit(loop, to, ex);
        return;
      }
    }
    EventExecutor loop = group.next();
    try {
      loop.execute(() -> submit(loop, to, ex));
    } catch (RuntimeException rejected) { // the group is shutting down
      ex.end(HttpResult.Failure.ERROR, 0);
    }
  }

  private void submit(EventExecutor loop, InetSocketAddress to, Exchange ex) {
    if (closed) {
      ex.end(HttpResult.Failure.ERROR, 0);
      return;
    }
    links.get(loop).computeIfAbsent(to, k -> new Link((EventLoop) loop, k)).submit(ex);
  }

  @Override
  public void close() {
    closed = true;
    NettyTransport.onEachLiveLoop(loops, loop -> links.get(loop).values().forEach(Link::close));
  }

  /** The hop from one loop to one server: its connection (when there is one) and its deadlines; runs on the loop. */
  private final class Link implements Runnable {
    private final EventLoop loop;
    private final InetSocketAddress to;
    /** Requests waiting for the connection to open. */
    private final ArrayDeque<Exchange> connecting = new ArrayDeque<>();
    private Connection current;
    private boolean opening;
    private int inFlight;
    /** Every pending request, by deadline (earliest first): linked through the exchanges. */
    private Exchange first;
    private Exchange last;
    private ScheduledFuture<?> timer;
    private long timerAtNanos;

    Link(EventLoop loop, InetSocketAddress to) {
      this.loop = loop;
      this.to = to;
    }

    void submit(Exchange ex) {
      if (inFlight >= maxInFlight) {
        ex.end(HttpResult.Failure.OVERLOADED, 0);
        return;
      }
      inFlight++;
      ex.link = this;
      ex.deadlineNanos = System.nanoTime() + ex.timeoutNanos;
      pending(ex);
      if (current != null && current.active()) {
        current.start(ex);
        return;
      }
      connecting.addLast(ex);
      if (!opening) {
        open();
      }
    }

    /** Into the deadline order: from the end, as deadlines mostly come in the order of sending. */
    private void pending(Exchange ex) {
      Exchange after = last;
      while (after != null && after.deadlineNanos - ex.deadlineNanos > 0) {
        after = after.prev;
      }
      ex.prev = after;
      ex.next = after == null ? first : after.next;
      if (ex.next == null) {
        last = ex;
      } else {
        ex.next.prev = ex;
      }
      if (after == null) {
        first = ex;
      } else {
        after.next = ex;
      }
      if (timer == null || ex == first && timerAtNanos - ex.deadlineNanos > 0) {
        arm(ex.deadlineNanos);
      }
    }

    void unlink(Exchange ex) {
      if (ex.prev == null) {
        first = ex.next;
      } else {
        ex.prev.next = ex.next;
      }
      if (ex.next == null) {
        last = ex.prev;
      } else {
        ex.next.prev = ex.prev;
      }
      ex.prev = null;
      ex.next = null;
      inFlight--;
    }

    private void arm(long atNanos) {
      if (timer != null) {
        timer.cancel(false);
      }
      timerAtNanos = atNanos;
      timer = loop.schedule(this, Math.max(0, atNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    /** The deadline timer: ends every request past its deadline, then sleeps until the next deadline. */
    @Override
    public void run() {
      timer = null;
      long now = System.nanoTime();
      while (first != null && first.deadlineNanos - now <= 0) {
        first.end(HttpResult.Failure.TIMEOUT, 0);
      }
      if (first != null) {
        arm(first.deadlineNanos);
      }
    }

    private void open() {
      opening = true;
      Connection conn = new Connection(this);
      ChannelFuture f = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
        @Override
        protected void initChannel(Channel ch) {
          ch.pipeline().addLast(conn);
        }
      }).connect(to);
      f.addListener(c -> {
        opening = false;
        if (c.isSuccess()) {
          current = conn;
          conn.batch.out().writeBytes(HopProtocol.PREFACE.duplicate());
          Exchange ex;
          while (!closed && (ex = connecting.pollFirst()) != null) {
            current.start(ex);
          }
        } else {
          HttpResult.Failure failure = c.cause() instanceof ConnectException ? HttpResult.Failure.REFUSED
              : HttpResult.Failure.ERROR;
          Exchange ex;
          while ((ex = connecting.pollFirst()) != null) {
            ex.end(failure, 0);
          }
        }
      });
    }

    /** A connection closed: requests waiting for a connection get a new one. */
    void lost(Connection conn) {
      if (current == conn) {
        current = null;
      }
      if (!connecting.isEmpty() && !opening && !closed) {
        open();
      }
    }

    void close() {
      if (current != null) {
        current.ctx.close();
      }
      Exchange ex;
      while ((ex = connecting.pollFirst()) != null) {
        ex.end(HttpResult.Failure.ERROR, 0);
      }
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }
  }

  /** One connection: the requests sent on it, by id, and its answers read. */
  private static final class Connection extends ByteToMessageDecoder {
    private final Link link;
    private final IntObjectHashMap<Exchange> byId = new IntObjectHashMap<>();
    private ChannelHandlerContext ctx;
    private HopProtocol.Batch batch;
    private int nextId;

    Connection(Link link) {
      this.link = link;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
      this.ctx = ctx;
      this.batch = new HopProtocol.Batch(ctx);
    }

    boolean active() {
      return ctx.channel().isActive();
    }

    void start(Exchange ex) {
      if (ex.ended) {
        return; // timed out while the connection opened
      }
      if (!active()) {
        ex.end(HttpResult.Failure.CLOSED, 0);
        return;
      }
      int id = nextId++; // unique among those in flight: far fewer than 2^32 are
      ex.id = id;
      ex.connection = this;
      byId.put(id, ex);
      HopProtocol.writeRequest(batch.out(), id, ex.srvIndex, ex.category);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
      while (in.readableBytes() >= HopProtocol.ANSWER_BYTES) {
        if (in.getByte(in.readerIndex()) != HopProtocol.ANSWER) { // not this protocol: nothing more can be trusted
          in.skipBytes(in.readableBytes());
          ctx.close();
          return;
        }
        int id = in.getInt(in.readerIndex() + 1);
        int code = in.getUnsignedByte(in.readerIndex() + 5);
        in.skipBytes(HopProtocol.ANSWER_BYTES);
        Exchange ex = byId.get(id);
        if (ex != null) {
          ex.end(HttpResult.Failure.NONE, code);
        }
      }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
      failAll();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      failAll();
      link.lost(this);
      super.channelInactive(ctx);
    }

    private void failAll() {
      if (byId.isEmpty()) {
        return;
      }
      for (Exchange ex : new ArrayList<>(byId.values())) {
        ex.end(HttpResult.Failure.CLOSED, 0);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }

  /** One request; ends once, on its loop. */
  private static final class Exchange {
    final int srvIndex;
    final int category;
    final long timeoutNanos;
    final Done done;
    Link link;
    Connection connection;
    int id;
    long deadlineNanos;
    Exchange prev;
    Exchange next;
    boolean ended;

    Exchange(int srvIndex, int category, long timeoutNanos, Done done) {
      this.srvIndex = srvIndex;
      this.category = category;
      this.timeoutNanos = timeoutNanos;
      this.done = done;
    }

    void end(HttpResult.Failure failure, int code) {
      if (ended) {
        return;
      }
      ended = true;
      if (link != null) {
        link.unlink(this);
      }
      if (connection != null) {
        connection.byId.remove(id);
      }
      done.ended(failure, code);
    }
  }
}
