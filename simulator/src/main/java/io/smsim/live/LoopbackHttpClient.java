package io.smsim.live;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AttributeKey;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A small HTTP/1.1 client with keep-alive connection pools, one bounded pool per destination: the
 * DSP's hop to the gateways, the failover controller's health probes, and the delivery of final
 * responses. Each exchange holds one pooled connection until its response (no pipelining), has a
 * deadline, and ends exactly once with an {@link HttpResult}. When the pool's connections and
 * waiting slots are used up the exchange fails at once as {@link HttpResult.Failure#OVERLOADED}
 * rather than queueing without bound.
 *
 * <p>Results complete on the connection's event loop: callers hop to their own executor.
 */
final class LoopbackHttpClient implements AutoCloseable {

  private static final AttributeKey<Exchange> EXCHANGE = AttributeKey.valueOf("smsim.exchange");
  private static final int MAX_RESPONSE_BYTES = 1 << 20;

  private final AbstractChannelPoolMap<InetSocketAddress, FixedChannelPool> pools;

  /**
   * @param maxConnections per destination
   * @param maxWaiting exchanges per destination waiting for a connection
   * @param connectTimeoutMillis connect deadline
   */
  LoopbackHttpClient(EventLoopGroup group, int maxConnections, int maxWaiting, int connectTimeoutMillis) {
    Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
        .option(ChannelOption.TCP_NODELAY, true)
        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis);
    this.pools = new AbstractChannelPoolMap<>() {
      @Override
      protected FixedChannelPool newPool(InetSocketAddress key) {
        return new FixedChannelPool(bootstrap.clone().remoteAddress(key), new PoolHandler(),
            ChannelHealthChecker.ACTIVE, FixedChannelPool.AcquireTimeoutAction.FAIL, 10_000, maxConnections,
            maxWaiting);
      }
    };
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
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    FixedChannelPool pool;
    try {
      pool = pools.get(to);
    } catch (IllegalStateException closed) {
      request.release();
      result.complete(HttpResult.failed(HttpResult.Failure.ERROR));
      return result;
    }
    pool.acquire().addListener((Future<Channel> f) -> {
      if (!f.isSuccess()) {
        request.release();
        result.complete(HttpResult.failed(classify(f.cause())));
        return;
      }
      Channel ch = f.getNow();
      Exchange ex = new Exchange(pool, ch, result);
      ch.attr(EXCHANGE).set(ex);
      ex.timeout = ch.eventLoop().schedule(() -> ex.finish(HttpResult.failed(HttpResult.Failure.TIMEOUT), false),
          timeoutNanos, TimeUnit.NANOSECONDS);
      ch.writeAndFlush(request).addListener(w -> {
        if (!w.isSuccess()) {
          ex.finish(HttpResult.failed(HttpResult.Failure.CLOSED), false);
        }
      });
    });
    return result;
  }

  private static HttpResult.Failure classify(Throwable cause) {
    if (cause instanceof ConnectException) {
      return HttpResult.Failure.REFUSED;
    }
    if (cause instanceof TimeoutException || cause instanceof IllegalStateException) {
      return HttpResult.Failure.OVERLOADED; // acquire timed out, or too many waiting acquires
    }
    if (cause instanceof ClosedChannelException) {
      return HttpResult.Failure.CLOSED;
    }
    return HttpResult.Failure.ERROR;
  }

  @Override
  public void close() {
    pools.close();
  }

  /** One request on one pooled connection; ends once. */
  private static final class Exchange {
    private final FixedChannelPool pool;
    private final Channel channel;
    private final CompletableFuture<HttpResult> result;
    private ScheduledFuture<?> timeout;
    private boolean done;

    Exchange(FixedChannelPool pool, Channel channel, CompletableFuture<HttpResult> result) {
      this.pool = pool;
      this.channel = channel;
      this.result = result;
    }

    /** Runs on the channel's event loop. */
    void finish(HttpResult r, boolean reusable) {
      if (!channel.eventLoop().inEventLoop()) {
        channel.eventLoop().execute(() -> finish(r, reusable));
        return;
      }
      if (done) {
        return;
      }
      done = true;
      if (timeout != null) {
        timeout.cancel(false);
      }
      channel.attr(EXCHANGE).set(null);
      if (!reusable) {
        channel.close();
      }
      pool.release(channel);
      result.complete(r);
    }
  }

  private static final class PoolHandler extends AbstractChannelPoolHandler {
    @Override
    public void channelCreated(Channel ch) {
      ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(MAX_RESPONSE_BYTES), new ResponseHandler());
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
