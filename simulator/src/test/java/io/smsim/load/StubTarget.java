package io.smsim.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.RequestId;
import io.smsim.duis.ResponseCode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * A DUIS endpoint for tests, scripted to misbehave: it acknowledges every request (I99) at once or
 * after a stall, and POSTs final responses (I0, or E20 for chosen counters) to a callback URL after
 * a delay, skipping or doubling them for chosen counters. Binds 127.0.0.1 on an ephemeral port.
 */
final class StubTarget implements AutoCloseable {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final DuisResponseBuilder responses = DuisResponseBuilder.create();
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();
  private final Channel channel;
  final AtomicLong requests = new AtomicLong();
  volatile URI callback;
  volatile long finalDelayMillis = 5;
  volatile long stallFromNanos = Long.MAX_VALUE;
  volatile long stallToNanos = Long.MIN_VALUE;
  volatile LongPredicate dropFinal = c -> false;
  volatile LongPredicate duplicateFinal = c -> false;
  volatile LongPredicate failFinal = c -> false;
  volatile LongPredicate slowFinal = c -> false;
  volatile long slowFinalDelayMillis = 1500;
  /** How late, at most, a stalled answer was written after the stall's end: the machine's own delay. */
  final AtomicLong stallOverrunNanos = new AtomicLong();

  StubTarget() throws InterruptedException {
    channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort());
  }

  /** Holds every synchronous answer due in [from, to) until {@code to} (System.nanoTime). */
  void stall(long fromNanos, long toNanos) {
    stallToNanos = toNanos;
    stallFromNanos = fromNanos;
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      requests.incrementAndGet();
      String body = req.content().toString(StandardCharsets.UTF_8);
      int a = body.indexOf("<sr:RequestID>") + "<sr:RequestID>".length();
      RequestId id = RequestId.parse(body.substring(a, body.indexOf('<', a)));
      byte[] ack = responses.synchronous(id, ResponseCode.I99, null, null, Instant.now());
      long now = System.nanoTime();
      long wait = now >= stallFromNanos && now < stallToNanos ? stallToNanos - now : 0;
      if (wait > 0) {
        long release = now + wait;
        ctx.executor().schedule(() -> {
          stallOverrunNanos.accumulateAndGet(System.nanoTime() - release, Math::max);
          answer(ctx, ack, id);
        }, wait, TimeUnit.NANOSECONDS);
      } else {
        answer(ctx, ack, id);
      }
    }

    private void answer(ChannelHandlerContext ctx, byte[] ack, RequestId id) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(ack));
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, ack.length);
      ctx.writeAndFlush(r);
      URI to = callback;
      if (to == null || dropFinal.test(id.counter())) {
        return;
      }
      int copies = duplicateFinal.test(id.counter()) ? 2 : 1;
      ResponseCode code = failFinal.test(id.counter()) ? ResponseCode.E20 : ResponseCode.I0;
      ctx.executor().schedule(() -> {
        for (int i = 0; i < copies; i++) {
          post(to, id, code);
        }
      }, slowFinal.test(id.counter()) ? slowFinalDelayMillis : finalDelayMillis, TimeUnit.MILLISECONDS);
    }

    private void post(URI to, RequestId id, ResponseCode code) {
      StubTarget.this.post(to, id, code);
    }
  }

  /** POSTs a final response for {@code id} to {@code to} (also for tests that forge one). */
  void post(URI to, RequestId id, ResponseCode code) {
    byte[] xml = responses.finalResponse(new io.smsim.duis.DuisRequest("5.4", id, 1, "4.1", "4.1.1",
        "ReadInstantaneousImportRegisters"), code, null, Instant.now());
    http.sendAsync(HttpRequest.newBuilder(to).POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(),
        HttpResponse.BodyHandlers.discarding());
  }
}
