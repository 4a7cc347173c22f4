package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The multiplexed hop carries every request in flight to a server on one connection, takes answers
 * in whatever order they come, tells its failures apart (refused, closed with streams in flight, no
 * answer in time, its own bound full), keeps going past one flow-control window of answers, and
 * moves to a new connection when one has used up its streams.
 */
class Http2HopClientTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NettyTransport.get().ioHandlerFactory());
  private final EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1,
      NettyTransport.get().ioHandlerFactory());
  private final List<AutoCloseable> closing = new CopyOnWriteArrayList<>();
  private final List<Channel> serverConnections = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable c : closing) {
      c.close();
    }
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /**
   * An HTTP/2 server: {@code /answer?after=MS&body=TEXT} answers 200 with TEXT after MS; {@code /never}
   * never answers; {@code /close} closes the connection.
   */
  private InetSocketAddress server(AtomicInteger accepted) throws InterruptedException {
    Channel listener = new ServerBootstrap().group(serverGroup).channel(NettyTransport.get().serverChannel())
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            accepted.incrementAndGet();
            serverConnections.add(ch);
            ch.pipeline().addLast(Http2FrameCodecBuilder.forServer()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(1 << 20)).build(),
                new ChannelInboundHandlerAdapter() {
                  @Override
                  public void channelRead(ChannelHandlerContext ctx, Object msg) {
                    if (msg instanceof Http2HeadersFrame h) {
                      answer(ctx, h.stream(), h.headers().path().toString());
                    }
                    ReferenceCountUtil.release(msg);
                  }
                });
          }
        }).bind("127.0.0.1", 0).sync().channel();
    closing.add(() -> listener.close().syncUninterruptibly());
    return (InetSocketAddress) listener.localAddress();
  }

  private static void answer(ChannelHandlerContext ctx, Http2FrameStream stream, String path) {
    if (path.equals("/close")) {
      ctx.close();
    } else if (path.startsWith("/answer")) {
      long after = Long.parseLong(GatewayHandler.param(path, "after"));
      byte[] body = GatewayHandler.param(path, "body").getBytes(StandardCharsets.UTF_8);
      ctx.executor().schedule(() -> {
        ctx.write(new DefaultHttp2HeadersFrame(new DefaultHttp2Headers().status("200"), false).stream(stream));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true).stream(stream));
      }, after, TimeUnit.MILLISECONDS);
    }
  }

  private static HttpResult await(CompletableFuture<HttpResult> f) throws Exception {
    return f.get(30, TimeUnit.SECONDS);
  }

  private static InetSocketAddress closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return new InetSocketAddress("127.0.0.1", s.getLocalPort());
    }
  }

  @Test
  void requestsInFlightShareOneConnectionAndAnswersComeInTheOrderTheServerGivesThem() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    Http2HopClient client = new Http2HopClient(group, 1000, 1000);
    closing.add(client);
    List<CompletableFuture<HttpResult>> results = new ArrayList<>();
    List<Long> completedAt = new CopyOnWriteArrayList<>();
    int n = 200;
    for (int i = 0; i < n; i++) { // the first sent is answered last
      int k = i;
      CompletableFuture<HttpResult> f = client.send(to,
          Http2HopClient.request(to, "POST", "/answer?after=" + (2 * (n - i)) + "&body=r" + i), 10 * SECOND);
      f.thenRun(() -> completedAt.add((long) k));
      results.add(f);
    }
    for (int i = 0; i < n; i++) {
      HttpResult r = await(results.get(i));
      assertThat(r.failure()).isEqualTo(HttpResult.Failure.NONE);
      assertThat(r.status()).isEqualTo(200);
      assertThat(r.bodyText()).isEqualTo("r" + i);
    }
    assertThat(accepted.get()).isEqualTo(1);
    assertThat(completedAt.get(0)).as("the quickest answer is not held behind the slowest").isGreaterThan(n / 2);
  }

  @Test
  void moreAnswersThanOneFlowControlWindowKeepFlowing() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    Http2HopClient client = new Http2HopClient(group, 20_000, 1000);
    closing.add(client);
    String body = "x".repeat(64);
    int n = 4_000; // 256 kB of DATA, four times the connection's initial window (RFC 9113 6.9.2: 65,535)
    List<CompletableFuture<HttpResult>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=" + body), 20 * SECOND));
    }
    for (CompletableFuture<HttpResult> f : results) {
      assertThat(await(f).bodyText()).isEqualTo(body);
    }
    assertThat(accepted.get()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionFailsEveryRequestWaitingForItAsRefused() throws Exception {
    Http2HopClient client = new Http2HopClient(group, 100, 1000);
    closing.add(client);
    InetSocketAddress to = closedPort();
    var a = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=a"), 5 * SECOND);
    var b = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=b"), 5 * SECOND);
    assertThat(await(a).failure()).isEqualTo(HttpResult.Failure.REFUSED);
    assertThat(await(b).failure()).isEqualTo(HttpResult.Failure.REFUSED);
  }

  @Test
  void aConnectionClosedWithStreamsInFlightFailsEachOfThemOnceAsClosedAndTheNextRequestReconnects()
      throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    Http2HopClient client = new Http2HopClient(group, 100, 1000);
    closing.add(client);
    var waiting = List.of(client.send(to, Http2HopClient.request(to, "POST", "/never"), 20 * SECOND),
        client.send(to, Http2HopClient.request(to, "POST", "/never"), 20 * SECOND));
    var closer = client.send(to, Http2HopClient.request(to, "POST", "/close"), 20 * SECOND);
    assertThat(await(closer).failure()).isEqualTo(HttpResult.Failure.CLOSED);
    for (var f : waiting) {
      assertThat(await(f).failure()).isEqualTo(HttpResult.Failure.CLOSED);
    }
    var next = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=again"), 20 * SECOND);
    assertThat(await(next).bodyText()).isEqualTo("again");
    assertThat(accepted.get()).isEqualTo(2);
  }

  @Test
  void noAnswerByTheDeadlineIsATimeoutAndTheConnectionServesOn() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    Http2HopClient client = new Http2HopClient(group, 100, 1000);
    closing.add(client);
    var late = client.send(to, Http2HopClient.request(to, "POST", "/never"), SECOND / 5);
    assertThat(await(late).failure()).isEqualTo(HttpResult.Failure.TIMEOUT);
    var next = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=ok"), 20 * SECOND);
    assertThat(await(next).bodyText()).isEqualTo("ok");
    assertThat(accepted.get()).isEqualTo(1);
  }

  @Test
  void beyondItsBoundARequestIsRefusedAtOnceAsOverloadedAndAFreedSlotServesAgain() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    Http2HopClient client = new Http2HopClient(group, 2, 1000);
    closing.add(client);
    var a = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=300&body=a"), 20 * SECOND);
    var b = client.send(to, Http2HopClient.request(to, "POST", "/never"), 20 * SECOND);
    var c = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=c"), 20 * SECOND);
    assertThat(await(c).failure()).isEqualTo(HttpResult.Failure.OVERLOADED);
    assertThat(await(a).bodyText()).isEqualTo("a");
    var d = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=d"), 20 * SECOND);
    assertThat(await(d).bodyText()).isEqualTo("d");
    assertThat(b).isNotDone();
  }

  @Test
  void aConnectionThatUsedUpItsStreamsIsRetiredAfterItsLastAnswerAndANewOneTakesOver() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    Http2HopClient client = new Http2HopClient(group, 100, 1000, 3);
    closing.add(client);
    var slow = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=300&body=slow"), 20 * SECOND);
    var two = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=2"), 20 * SECOND);
    var three = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=3"), 20 * SECOND);
    var four = client.send(to, Http2HopClient.request(to, "POST", "/answer?after=0&body=4"), 20 * SECOND);
    assertThat(await(four).bodyText()).isEqualTo("4");
    assertThat(await(two).bodyText()).isEqualTo("2");
    assertThat(await(three).bodyText()).isEqualTo("3");
    assertThat(await(slow).bodyText()).as("the retired connection's last answer still arrives").isEqualTo("slow");
    assertThat(accepted.get()).isEqualTo(2);
    long deadline = System.nanoTime() + 20 * SECOND;
    while (serverConnections.get(0).isActive() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(serverConnections.get(0).isActive()).as("the retired connection closes once drained").isFalse();
  }
}
