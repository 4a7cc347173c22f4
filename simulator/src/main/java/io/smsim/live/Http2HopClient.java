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
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2ChannelDuplexHandler;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2FrameStreamException;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.util.ReferenceCountUtil;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The DSP's hop to the gateway servers, multiplexed: from each event loop, one HTTP/2 connection
 * (cleartext, prior knowledge) per gateway server carries every request in flight to it, each on its
 * own stream, answered in whatever order the gateway's children end. Requests written in one turn of
 * the loop leave in one write and answers arrive several to a read (flushes consolidated at both
 * ends), where an HTTP/1.1 hop needs a connection per request in flight (a gateway answers when its
 * child ends, so HTTP/1.1 pipelining would hold a quick answer behind a slow one) and a write and a
 * read per message.
 *
 * <p>Failures are told apart as {@link LoopbackHttpClient} tells them: a refused connection is
 * {@link HttpResult.Failure#REFUSED} for every request waiting on it; a connection that closes fails
 * each of its streams in flight as {@link HttpResult.Failure#CLOSED}; a stream reset by the server is
 * {@code CLOSED} too; no answer by the deadline is {@link HttpResult.Failure#TIMEOUT}; beyond {@code
 * maxInFlight} requests to one server from one loop, {@link HttpResult.Failure#OVERLOADED} at once.
 * Every request ends exactly once. Like {@link LoopbackHttpClient}, an exchange started on one of the
 * group's loops runs wholly on it, and results complete on that loop.
 */
final class Http2HopClient implements AutoCloseable {

  /** Stream ids are odd and 31 bits: a connection that has opened this many is retired for a new one. */
  static final int STREAMS_PER_CONNECTION = (1 << 30) - 1;

  private final EventLoopGroup group;
  private final Bootstrap bootstrap;
  private final int maxInFlight;
  private final int streamsPerConnection;
  private final Map<EventExecutor, Map<InetSocketAddress, Link>> links = new IdentityHashMap<>();
  private final EventExecutor[] loops;
  private volatile boolean closed;

  /**
   * @param maxInFlight requests in flight to one server from one loop (connecting, or on a stream)
   * @param connectTimeoutMillis connect deadline
   */
  Http2HopClient(EventLoopGroup group, int maxInFlight, int connectTimeoutMillis) {
    this(group, maxInFlight, connectTimeoutMillis, STREAMS_PER_CONNECTION);
  }

  /** With a smaller {@code streamsPerConnection}, for tests of a connection's retirement. */
  Http2HopClient(EventLoopGroup group, int maxInFlight, int connectTimeoutMillis, int streamsPerConnection) {
    this.group = group;
    this.maxInFlight = maxInFlight;
    this.streamsPerConnection = streamsPerConnection;
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

  /** The headers of a request without a body: {@code method} on {@code path} of {@code to}; share them freely. */
  static Http2Headers request(InetSocketAddress to, String method, String path) {
    return new DefaultHttp2Headers(false).method(method).scheme("http")
        .authority(to.getHostString() + ":" + to.getPort()).path(path);
  }

  /** Sends a request without a body and completes with the result within the deadline. */
  CompletableFuture<HttpResult> send(InetSocketAddress to, Http2Headers headers, long timeoutNanos) {
    CompletableFuture<HttpResult> result = new CompletableFuture<>();
    Exchange ex = new Exchange(headers, timeoutNanos, result);
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
      ex.end(HttpResult.failed(HttpResult.Failure.ERROR));
    }
    return result;
  }

  private void submit(EventExecutor loop, InetSocketAddress to, Exchange ex) {
    if (closed) {
      ex.end(HttpResult.failed(HttpResult.Failure.ERROR));
      return;
    }
    links.get(loop).computeIfAbsent(to, k -> new Link((EventLoop) loop, k)).submit(ex);
  }

  @Override
  public void close() {
    closed = true;
    NettyTransport.onEachLiveLoop(loops, loop -> links.get(loop).values().forEach(Link::close));
  }

  /** The hop from one loop to one server: its connection (when there is one); every method runs on the loop. */
  private final class Link {
    private final EventLoop loop;
    private final InetSocketAddress to;
    /** Requests waiting for the connection to open. */
    private final ArrayDeque<Exchange> connecting = new ArrayDeque<>();
    private Streams current;
    private boolean opening;
    private int inFlight;

    Link(EventLoop loop, InetSocketAddress to) {
      this.loop = loop;
      this.to = to;
    }

    void submit(Exchange ex) {
      if (inFlight >= maxInFlight) {
        ex.end(HttpResult.failed(HttpResult.Failure.OVERLOADED));
        return;
      }
      inFlight++;
      ex.link = this;
      ex.timer = loop.schedule(ex::timedOut, ex.timeoutNanos, TimeUnit.NANOSECONDS);
      if (current != null && current.usable()) {
        current.start(ex);
        return;
      }
      connecting.addLast(ex);
      if (!opening) {
        open();
      }
    }

    private void open() {
      opening = true;
      Streams streams = new Streams(this);
      ChannelFuture f = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
        @Override
        protected void initChannel(Channel ch) {
          ch.pipeline().addLast(Http2FrameCodecBuilder.forClient().validateHeaders(false).build(),
              new FlushConsolidationHandler(256, true), streams);
        }
      }).connect(to);
      f.addListener(c -> {
        opening = false;
        if (c.isSuccess()) {
          current = streams;
          Exchange ex;
          while (!closed && (ex = connecting.peekFirst()) != null) {
            if (current == null || !current.usable()) { // used up its streams already: the rest wait for the next
              open();
              return;
            }
            connecting.pollFirst();
            if (!ex.done) {
              current.start(ex);
            }
          }
        } else {
          HttpResult.Failure failure = c.cause() instanceof ConnectException ? HttpResult.Failure.REFUSED
              : HttpResult.Failure.ERROR;
          Exchange ex;
          while ((ex = connecting.pollFirst()) != null) {
            ex.end(HttpResult.failed(failure));
          }
        }
      });
    }

    /** A connection closed: requests waiting for a connection get a new one. */
    void lost(Streams s) {
      if (current == s) {
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
        ex.end(HttpResult.failed(HttpResult.Failure.ERROR));
      }
    }
  }

  /** One connection's streams: the requests on it, by stream id. */
  private final class Streams extends Http2ChannelDuplexHandler {
    private final Link link;
    private final IntObjectHashMap<Exchange> byId = new IntObjectHashMap<>();
    private ChannelHandlerContext ctx;
    private int opened;
    private boolean retired;

    Streams(Link link) {
      this.link = link;
    }

    @Override
    protected void handlerAdded0(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    boolean usable() {
      return !retired && ctx.channel().isActive();
    }

    void start(Exchange ex) {
      if (!ctx.channel().isActive()) {
        ex.end(HttpResult.failed(HttpResult.Failure.CLOSED));
        return;
      }
      Http2FrameStream stream = newStream();
      ex.streams = this;
      ChannelFuture written = ctx.writeAndFlush(new DefaultHttp2HeadersFrame(ex.headers, true).stream(stream));
      ex.streamId = stream.id(); // given on the write (on this loop)
      if (ex.streamId > 0) {
        byId.put(ex.streamId, ex);
      }
      written.addListener(w -> {
        if (!w.isSuccess()) {
          ex.end(HttpResult.failed(HttpResult.Failure.CLOSED));
        }
      });
      if (++opened >= streamsPerConnection) {
        retire();
      }
    }

    /** No new streams here: the next request opens a new connection; this one closes when its last answer is in. */
    private void retire() {
      retired = true;
      if (link.current == this) {
        link.current = null;
      }
      if (byId.isEmpty()) {
        ctx.close();
      }
    }

    void ended(Exchange ex) {
      if (ex.streamId > 0) {
        byId.remove(ex.streamId);
      }
      if (retired && byId.isEmpty()) {
        ctx.close();
      }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
      try {
        if (msg instanceof Http2HeadersFrame h) {
          Exchange ex = byId.get(h.stream().id());
          if (ex != null) {
            CharSequence status = h.headers().status();
            ex.status = status == null ? 0 : Integer.parseInt(status.toString());
            if (h.isEndStream()) {
              ex.end(HttpResult.response(ex.status, ex.body()));
            }
          }
        } else if (msg instanceof Http2DataFrame d) {
          Exchange ex = byId.get(d.stream().id());
          if (ex != null) {
            ex.append(d.content());
            if (d.isEndStream()) {
              ex.end(HttpResult.response(ex.status, ex.body()));
            }
          }
        } else if (msg instanceof Http2ResetFrame r) {
          Exchange ex = byId.get(r.stream().id());
          if (ex != null) {
            ex.end(HttpResult.failed(HttpResult.Failure.CLOSED));
          }
        } else if (msg instanceof Http2GoAwayFrame) {
          retire(); // streams above the server's last id are reset by the codec; the rest may still answer
        }
      } finally {
        ReferenceCountUtil.release(msg);
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      retired = true;
      for (Exchange ex : new ArrayList<>(byId.values())) {
        ex.end(HttpResult.failed(HttpResult.Failure.CLOSED));
      }
      link.lost(this);
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof Http2FrameStreamException e) { // one stream's error: that request fails alone
        Exchange ex = byId.get(e.stream().id());
        if (ex != null) {
          ex.end(HttpResult.failed(HttpResult.Failure.CLOSED));
        }
        return;
      }
      ctx.close();
    }
  }

  /** One request on one stream; ends once, on its loop. */
  private static final class Exchange {
    private static final byte[] EMPTY = new byte[0];
    final Http2Headers headers;
    final long timeoutNanos;
    final CompletableFuture<HttpResult> result;
    Link link;
    Streams streams;
    ScheduledFuture<?> timer;
    int streamId;
    int status;
    byte[] body = EMPTY;
    boolean done;

    Exchange(Http2Headers headers, long timeoutNanos, CompletableFuture<HttpResult> result) {
      this.headers = headers;
      this.timeoutNanos = timeoutNanos;
      this.result = result;
    }

    void append(ByteBuf content) {
      int n = content.readableBytes();
      if (n > 0 && body.length + n <= (1 << 20)) {
        byte[] more = new byte[body.length + n];
        System.arraycopy(body, 0, more, 0, body.length);
        content.getBytes(content.readerIndex(), more, body.length, n);
        body = more;
      }
    }

    byte[] body() {
      return body;
    }

    void timedOut() {
      timer = null;
      end(HttpResult.failed(HttpResult.Failure.TIMEOUT));
    }

    void end(HttpResult r) {
      if (done) {
        return;
      }
      done = true;
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
      if (link != null) {
        link.inFlight--;
      }
      if (streams != null) {
        streams.ended(this);
      }
      result.complete(r);
    }
  }
}
