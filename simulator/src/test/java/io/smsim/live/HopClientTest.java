package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The multiplexed hop carries every request in flight to a server on one connection, opened with the
 * hop's preface, takes answers in whatever order they come and several to a read, tells its failures
 * apart (refused, closed with requests in flight, no answer in time, its own bound full, a peer that
 * does not speak the protocol), and keeps each request's deadline whatever the order of deadlines.
 */
class HopClientTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  /** The test server's commands, in a request's category byte; any other value is the code to answer. */
  private static final int NEVER = 250;
  private static final int CLOSE = 251;
  private static final int GARBLE = 252;

  private final ClientLoops loops = new ClientLoops();
  private final EventLoopGroup serverGroup = new MultiThreadIoEventLoopGroup(1,
      NettyTransport.get().ioHandlerFactory());

  @AfterEach
  void close() throws Exception {
    loops.close();
    serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  /** A client on the test's loop, closed after the test. */
  private HopClient client(int maxInFlight) {
    return loops.closeLater(new HopClient(loops.group, maxInFlight, 1000));
  }

  /** What a request ended with. */
  record Ended(HttpResult.Failure failure, int code) {
  }

  /**
   * A hop server that checks the preface, then for each request: the SRV field is a delay in ms and
   * the category byte the code to answer after it, or {@link #NEVER}, {@link #CLOSE} (closes the
   * connection) or {@link #GARBLE} (answers with a frame of no known kind).
   */
  private InetSocketAddress server(AtomicInteger accepted) throws InterruptedException {
    Channel listener = new ServerBootstrap().group(serverGroup).channel(NettyTransport.get().serverChannel())
        .childHandler(new ChannelInitializer<Channel>() {
          @Override
          protected void initChannel(Channel ch) {
            accepted.incrementAndGet();
            ch.pipeline().addLast(new ByteToMessageDecoder() {
              private boolean prefaced;

              @Override
              protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
                ByteBuf preface = HopProtocol.PREFACE;
                if (!prefaced) {
                  if (in.readableBytes() < preface.readableBytes()) {
                    return;
                  }
                  if (!ByteBufUtil.equals(preface, preface.readerIndex(), in, in.readerIndex(),
                      preface.readableBytes())) {
                    in.skipBytes(in.readableBytes());
                    ctx.close();
                    return;
                  }
                  in.skipBytes(preface.readableBytes());
                  prefaced = true;
                }
                while (in.readableBytes() >= HopProtocol.REQUEST_BYTES) {
                  in.readByte();
                  int id = in.readInt();
                  int afterMillis = in.readUnsignedShort();
                  int command = in.readUnsignedByte();
                  if (command == CLOSE) {
                    ctx.close();
                  } else if (command != NEVER) {
                    ctx.executor().schedule(() -> {
                      ByteBuf b = ctx.alloc().buffer(HopProtocol.ANSWER_BYTES);
                      HopProtocol.writeAnswer(b, id, command);
                      if (command == GARBLE) {
                        b.setByte(0, 'X');
                      }
                      ctx.writeAndFlush(b);
                    }, afterMillis, TimeUnit.MILLISECONDS);
                  }
                }
              }
            });
          }
        }).bind("127.0.0.1", 0).sync().channel();
    loops.closeLater(() -> listener.close().syncUninterruptibly());
    return (InetSocketAddress) listener.localAddress();
  }

  private static CompletableFuture<Ended> send(HopClient client, InetSocketAddress to, int afterMillis, int command,
      long timeoutNanos) {
    CompletableFuture<Ended> f = new CompletableFuture<>();
    client.send(to, afterMillis, command, timeoutNanos, (failure, code) -> {
      if (!f.complete(new Ended(failure, code))) {
        throw new AssertionError("a request ended twice");
      }
    });
    return f;
  }

  private static Ended await(CompletableFuture<Ended> f) throws Exception {
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
    HopClient client = client(1000);
    List<CompletableFuture<Ended>> results = new ArrayList<>();
    List<Integer> completedOrder = new CopyOnWriteArrayList<>();
    int n = 200;
    for (int i = 0; i < n; i++) { // the first sent is answered last: 2 s, so that a stall of the sending loop
      int k = i;                  // shorter than a second cannot let an early request's answer come first
      CompletableFuture<Ended> f = send(client, to, 10 * (n - i), i, 10 * SECOND);
      f.thenRun(() -> completedOrder.add(k));
      results.add(f);
    }
    for (int i = 0; i < n; i++) {
      assertThat(await(results.get(i))).isEqualTo(new Ended(HttpResult.Failure.NONE, i));
    }
    assertThat(accepted.get()).isEqualTo(1);
    assertThat(completedOrder.get(0)).as("the quickest answer is not held behind the slowest").isGreaterThan(n / 2);
  }

  @Test
  void manyAnswersInABurstAreEachReadOnceOnOneConnection() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    HopClient client = client(20_000);
    int n = 10_000; // answers split across reads at any byte
    List<CompletableFuture<Ended>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      results.add(send(client, to, 0, i % 200, 20 * SECOND));
    }
    for (int i = 0; i < n; i++) {
      assertThat(await(results.get(i))).isEqualTo(new Ended(HttpResult.Failure.NONE, i % 200));
    }
    assertThat(accepted.get()).isEqualTo(1);
  }

  @Test
  void aRefusedConnectionFailsEveryRequestWaitingForItAsRefused() throws Exception {
    HopClient client = client(100);
    InetSocketAddress to = closedPort();
    var a = send(client, to, 0, 1, 5 * SECOND);
    var b = send(client, to, 0, 2, 5 * SECOND);
    assertThat(await(a).failure()).isEqualTo(HttpResult.Failure.REFUSED);
    assertThat(await(b).failure()).isEqualTo(HttpResult.Failure.REFUSED);
  }

  @Test
  void aConnectionClosedWithRequestsInFlightFailsEachOfThemOnceAsClosedAndTheNextRequestReconnects()
      throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    HopClient client = client(100);
    var waiting = List.of(send(client, to, 0, NEVER, 20 * SECOND), send(client, to, 0, NEVER, 20 * SECOND));
    var closer = send(client, to, 0, CLOSE, 20 * SECOND);
    assertThat(await(closer).failure()).isEqualTo(HttpResult.Failure.CLOSED);
    for (var f : waiting) {
      assertThat(await(f).failure()).isEqualTo(HttpResult.Failure.CLOSED);
    }
    assertThat(await(send(client, to, 0, 7, 20 * SECOND))).isEqualTo(new Ended(HttpResult.Failure.NONE, 7));
    assertThat(accepted.get()).isEqualTo(2);
  }

  @Test
  void anAnswerOfNoKnownKindClosesTheConnectionAndFailsWhatWasInFlightOnItAsClosed() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    HopClient client = client(100);
    var waiting = send(client, to, 0, NEVER, 20 * SECOND);
    var garbled = send(client, to, 0, GARBLE, 20 * SECOND);
    assertThat(await(garbled).failure()).isEqualTo(HttpResult.Failure.CLOSED);
    assertThat(await(waiting).failure()).isEqualTo(HttpResult.Failure.CLOSED);
    assertThat(await(send(client, to, 0, 9, 20 * SECOND))).isEqualTo(new Ended(HttpResult.Failure.NONE, 9));
    assertThat(accepted.get()).isEqualTo(2);
  }

  @Test
  void noAnswerByTheDeadlineIsATimeoutAndTheConnectionServesOn() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    InetSocketAddress to = server(accepted);
    HopClient client = client(100);
    var late = send(client, to, 0, NEVER, SECOND / 5);
    assertThat(await(late).failure()).isEqualTo(HttpResult.Failure.TIMEOUT);
    assertThat(await(send(client, to, 0, 3, 20 * SECOND))).isEqualTo(new Ended(HttpResult.Failure.NONE, 3));
    assertThat(accepted.get()).isEqualTo(1);
  }

  @Test
  void aShortDeadlineSentAfterALongOneStillEndsOnTime() throws Exception {
    InetSocketAddress to = server(new AtomicInteger());
    HopClient client = client(100);
    var patient = send(client, to, 0, NEVER, 600 * SECOND);
    var hasty = send(client, to, 0, NEVER, SECOND / 5);
    assertThat(hasty.get(10, TimeUnit.SECONDS).failure()).isEqualTo(HttpResult.Failure.TIMEOUT);
    var answered = send(client, to, 0, 4, 20 * SECOND);
    assertThat(await(answered)).isEqualTo(new Ended(HttpResult.Failure.NONE, 4));
    assertThat(patient).isNotDone();
  }

  @Test
  void beyondItsBoundARequestIsRefusedAtOnceAsOverloadedAndAFreedSlotServesAgain() throws Exception {
    InetSocketAddress to = server(new AtomicInteger());
    HopClient client = client(2);
    var a = send(client, to, 2_000, 1, 20 * SECOND); // in flight until c is refused, even after a stall of the test
    var b = send(client, to, 0, NEVER, 20 * SECOND);
    var c = send(client, to, 0, 2, 20 * SECOND);
    assertThat(await(c).failure()).isEqualTo(HttpResult.Failure.OVERLOADED);
    assertThat(await(a)).isEqualTo(new Ended(HttpResult.Failure.NONE, 1));
    assertThat(await(send(client, to, 0, 5, 20 * SECOND))).isEqualTo(new Ended(HttpResult.Failure.NONE, 5));
    assertThat(b).isNotDone();
  }
}
