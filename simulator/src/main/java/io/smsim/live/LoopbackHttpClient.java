package io.smsim.live;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 client with keep-alive connection pools: the failover controller's health probes
 * and the delivery of final responses and alerts (the DSP's hop to the gateways is multiplexed on
 * its own binary frames: {@link HopClient}). Each exchange holds one
 * pooled connection until its response (HTTP/1.1 answers in order, and a gateway answers when its
 * child ends, so requests are not pipelined behind each other), has a deadline, and ends exactly once
 * with an {@link HttpResult}. When a pool's connections and waiting slots are used up the exchange
 * fails at once as {@link HttpResult.Failure#OVERLOADED} rather than queueing without bound; an
 * exchange waits at most 10 s for a connection (then {@code OVERLOADED} too).
 *
 * <p>Pools are per destination <i>and per event loop</i> of the client's group: an exchange started
 * on one of the group's loops runs wholly on that loop (connect, write, read, release, completion),
 * with no hand-over between threads and no locks; one started elsewhere is handed to the group's
 * next loop. The bounds hold per loop. The connections are the same real TCP connections either
 * way: a refused connection, a connection dropped with the request in flight and a missing answer
 * are told apart as before.
 *
 * <p>Results complete on the exchange's event loop.
 */
final class LoopbackHttpClient implements AutoCloseable {

  private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("smsim.exchange");
  private static final int MAX_RESPONSE_BYTES = 1 << 20;
  private static final long ACQUIRE_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final int maxConnections;
  private final int maxWaiting;
  /** Each loop's pools by destination; a loop's map is touched only on that loop. */
  private final Map<EventExecutor, Map<InetSocketAddress, Pool>> pools = new IdentityHashMap<>();
  private final EventExecutor[] loops;
  private volatile boolean closed;

  /**
   * @param maxConnections per destination (and loop)
   * @param maxWaiting exchanges per destination (and loop) waiting for a connection
   * @param connectTimeoutMillis connect deadline
   */
  LoopbackHttpClient(EventLoopGroup group, int maxConnections, int maxWaiting, int connectTimeoutMillis) {
    this.group = group;
    this.maxConnections = maxConnections;
    this.maxWaiting = maxWaiting;
    this.bootstrap = new Bootstrap().channel(NettyTransport.get().socketChannel())
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
        .handler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            ch.pipeline().addLast(new HttpRequestEncoder(), new HttpResponseDecoder(),
                new HttpObjectAggregator(MAX_RESPONSE_BYTES), new ResponseHandler());
          }
        });
    List<EventExecutor> all = new ArrayList<>();
    group.forEach(all::add);
    this.loops = all.toArray(EventExecutor[]::new);
    for (EventExecutor e : loops) {
      pools.put(e, new HashMap<>());
    }
  }

  /** A request with no body (GET probes). */
  static FullHttpRequest get(InetSocketAddress to, String uri) {
    FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, uri, Unpooled.EMPTY_BUFFER);
    r.headers().set(HttpHeaderNames.HOST, to.getHostString() + ":" + to.getPort());
    HttpUtil.setContentLength(r, 0);
    return r;
  }

  /** A POST of {@code body}. */
  static FullHttpRequest post(InetSocketAddress to, String uri, byte[] body, CharSequence contentType) {
    FullHttpRequest r = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, uri,
        Unpooled.wrappedBuffer(body));
    r.headers().set(HttpHeaderNames.HOST, to.getHostString() + ":" + to.getPort())
        .set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpUtil.setContentLength(r, body.length);
    return r;
  }

  /** Sends {@code request} (which this call releases) and completes with the result within the deadline. */
  CompletableFuture<HttpResult> send(InetSocketAddress to, FullHttpRequest request, long timeoutNanos) {
    return start(to, request, timeoutNanos);
  }

  private CompletableFuture<HttpResult> start(InetSocketAddress to, Object request, long timeoutNanos) {
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    Exchange ex = new Exchange(request, timeoutNanos, result);
    for (EventExecutor loop : loops) {
      if (loop.inEventLoop()) {
        submit(loop, to, ex);
        return result;
      }
    }
    EventExecutor loop = group.next();
    try {
      loop.execute(() -> submit(loop, to, ex));
    } catch (RuntimeException rejected) { // the group is shutting down
      ex.fail(HttpResult.Failure.ERROR);
    }
    return result;
  }

  private void submit(EventExecutor loop, InetSocketAddress to, Exchange ex) {
    if (closed) {
      ex.fail(HttpResult.Failure.ERROR);
      return;
    }
    pools.get(loop).computeIfAbsent(to, k -> new Pool((EventLoop) loop, k)).submit(ex);
  }

  private static HttpResult.Failure classify(Throwable cause) {
    if (cause instanceof ConnectException) {
      return HttpResult.Failure.REFUSED;
    }
    if (cause instanceof ClosedChannelException) {
      return HttpResult.Failure.CLOSED;
    }
    return HttpResult.Failure.ERROR;
  }

  @Override
  public void close() {
    closed = true;
    NettyTransport.onEachLiveLoop(loops, loop -> pools.get(loop).values().forEach(Pool::close));
  }

  /** The connections to one destination from one loop; every method runs on that loop. */
  private final class Pool {
    private final EventLoop loop;
    private final InetSocketAddress to;
    private final ArrayDeque<Channel> idle = new ArrayDeque<>();
    private final ArrayDeque<Exchange> waiting = new ArrayDeque<>();
    private int open;

    Pool(EventLoop loop, InetSocketAddress to) {
      this.loop = loop;
      this.to = to;
    }

    void submit(Exchange ex) {
      Channel ch;
      while ((ch = idle.pollLast()) != null) { // the most recently used: its buffers are warm
        if (ch.isActive()) {
          ex.start(this, ch);
          return;
        }
      }
      if (open < maxConnections) {
        connect(ex);
      } else if (waiting.size() < maxWaiting) {
        waiting.addLast(ex);
        ex.timeout = loop.schedule(() -> {
          if (waiting.remove(ex)) {
            ex.fail(HttpResult.Failure.OVERLOADED);
          }
        }, ACQUIRE_TIMEOUT_NANOS, TimeUnit.NANOSECONDS);
      } else {
        ex.fail(HttpResult.Failure.OVERLOADED);
      }
    }

    private void connect(Exchange ex) {
      open++;
      ChannelFuture f = bootstrap.clone(loop).connect(to);
      Channel ch = f.channel();
      ch.closeFuture().addListener(c -> closed(ch));
      f.addListener(c -> {
        if (c.isSuccess()) {
          ex.start(this, ch);
        } else {
          ex.fail(classify(c.cause()));
        }
      });
    }

    /** A connection is gone: its slot may serve a waiting exchange. */
    private void closed(Channel ch) {
      open--;
      idle.remove(ch);
      if (!waiting.isEmpty() && open < maxConnections && !LoopbackHttpClient.this.closed) {
        Exchange next = waiting.pollFirst();
        next.cancelTimer();
        connect(next);
      }
    }

    /** An exchange ended on {@code ch}; a reusable connection serves the next waiting exchange or idles. */
    void release(Channel ch, boolean reusable) {
      if (!reusable || !ch.isActive()) {
        ch.close();
        return;
      }
      Exchange next = waiting.pollFirst();
      if (next != null) {
        next.cancelTimer();
        next.start(this, ch);
      } else if (LoopbackHttpClient.this.closed) {
        ch.close();
      } else {
        idle.addLast(ch);
      }
    }

    void close() {
      for (Channel ch : new ArrayList<>(idle)) {
        ch.close();
      }
      while (!waiting.isEmpty()) {
        Exchange ex = waiting.pollFirst();
        ex.cancelTimer();
        ex.fail(HttpResult.Failure.ERROR);
      }
    }
  }

  /** One request on one pooled connection; ends once, on the pool's loop. */
  private static final class Exchange {
    private Object request;
    private final long timeoutNanos;
    private final CompletableFuture<HttpResult> result;
    private Pool pool;
    private Channel channel;
    private ScheduledFuture<?> timeout;
    private boolean done;

    Exchange(Object request, long timeoutNanos, CompletableFuture<HttpResult> result) {
      this.request = request;
      this.timeoutNanos = timeoutNanos;
      this.result = result;
    }

    void start(Pool p, Channel ch) {
      pool = p;
      channel = ch;
      ch.attr(EXCHANGE).set(this);
      timeout = ch.eventLoop().schedule(() -> finish(HttpResult.failed(HttpResult.Failure.TIMEOUT), false),
          timeoutNanos, TimeUnit.NANOSECONDS);
      Object r = request;
      request = null;
      ChannelFuture written = ch.writeAndFlush(r);
      written.addListener(w -> {
        if (!w.isSuccess()) {
          finish(HttpResult.failed(HttpResult.Failure.CLOSED), false);
        }
      });
    }

    /** Ends before any connection was used. */
    void fail(HttpResult.Failure failure) {
      if (done) {
        return;
      }
      done = true;
      ReferenceCountUtil.release(request);
      request = null;
      result.complete(HttpResult.failed(failure));
    }

    void cancelTimer() {
      if (timeout != null) {
        timeout.cancel(false);
        timeout = null;
      }
    }

    void finish(HttpResult r, boolean reusable) {
      if (done) {
        return;
      }
      done = true;
      cancelTimer();
      channel.attr(EXCHANGE).set(null);
      pool.release(channel, reusable);
      result.complete(r);
    }
  }

  private static final class ResponseHandler extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      Exchange ex = ctx.channel().attr(EXCHANGE).get();
      if (ex == null) {
        ctx.close(); // a response nobody asked for
        return;
      }
      boolean reusable = response.decoderResult().isSuccess() && HttpUtil.isKeepAlive(response)
          && !response.headers().contains(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true);
      ex.finish(HttpResult.response(response.status().code(), ByteBufUtil.getBytes(response.content())), reusable);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      Exchange ex = ctx.channel().attr(EXCHANGE).get();
      if (ex != null) {
        ex.finish(HttpResult.failed(HttpResult.Failure.CLOSED), false);
      }
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
