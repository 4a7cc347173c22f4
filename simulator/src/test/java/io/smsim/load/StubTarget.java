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
import io.smsim.duis.DuisRequest;
import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.GbcsPreCommand;
import io.smsim.duis.RequestId;
import io.smsim.duis.ResponseCode;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * A DUIS endpoint for tests, scripted to misbehave: it acknowledges every request (I99) at once or
 * after a stall, and POSTs final responses (I0, or E20 for chosen counters) to a callback URL after
 * a delay, skipping or doubling them for chosen counters. A transform (command variant 4) is
 * answered as {@link #transform} says; a signed pre-command (command variant 5) is checked against
 * the pre-command issued for its RequestID and then treated like any request. Binds 127.0.0.1 on an
 * ephemeral port.
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
  volatile Transform transform = Transform.SYNCHRONOUS;
  /** Signed pre-commands received that carried an issued pre-command unaltered and a 64-byte signature. */
  final AtomicLong signedPreCommands = new AtomicLong();
  /** Signed pre-commands received that did not. */
  final AtomicLong badSignedPreCommands = new AtomicLong();
  /** When set, the key signed pre-commands' GBCS signatures are checked against, as a device would. */
  volatile PublicKey preCommandKey;
  /** Signed pre-commands whose GBCS signature verified with {@link #preCommandKey}. */
  final AtomicLong verifiedPreCommandSignatures = new AtomicLong();
  private final Map<RequestId, byte[]> issued = new ConcurrentHashMap<>();

  /** How the stub answers a transform. */
  enum Transform {
    /** I0 with the pre-command, as DCC Boxed does. */
    SYNCHRONOUS,
    /** I99, then the pre-command in a callback. */
    BY_CALLBACK,
    /** I0 without a pre-command. */
    WITHOUT_PRE_COMMAND,
    /** I0 with a pre-command whose originator counter is not the request's. */
    FOREIGN_PRE_COMMAND
  }

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
      if (body.contains("<sr:CommandVariant>4</sr:CommandVariant>")) {
        transform(ctx, id);
        return;
      }
      if (body.contains("<sr:SignedPreCommand>")) {
        checkSignedPreCommand(id, body);
      }
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

    private void transform(ChannelHandlerContext ctx, RequestId id) {
      Transform how = transform;
      DuisRequest request = new DuisRequest("5.4", id, 4, "8.1", "8.1.1", "CommissionDeviceSynchroniseClock");
      RequestId headerId = how == Transform.FOREIGN_PRE_COMMAND
          ? new RequestId(id.originator(), id.target(), id.counter() + 1) : id;
      byte[] pre = GbcsPreCommand.forRequest(new DuisRequest("5.4", headerId, 4, "8.1", "8.1.1",
          "CommissionDeviceSynchroniseClock"), 0x0062, Instant.now()).encode();
      issued.put(id, pre);
      String payload = Base64.getEncoder().encodeToString(pre);
      switch (how) {
        case SYNCHRONOUS, FOREIGN_PRE_COMMAND -> write(ctx, responses.preCommand(request, "4.1", payload, Instant.now()));
        case WITHOUT_PRE_COMMAND -> write(ctx, responses.synchronous(id, ResponseCode.I0, "8.1", "8.1.1", Instant.now()));
        case BY_CALLBACK -> {
          write(ctx, responses.synchronous(id, ResponseCode.I99, null, null, Instant.now()));
          URI to = callback;
          byte[] xml = responses.preCommand(request, "4.1", payload, Instant.now());
          ctx.executor().schedule(() -> http.sendAsync(HttpRequest.newBuilder(to)
              .POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(), HttpResponse.BodyHandlers.discarding()),
              finalDelayMillis, TimeUnit.MILLISECONDS);
        }
        default -> throw new IllegalStateException();
      }
    }

    private void checkSignedPreCommand(RequestId id, String body) {
      int a = body.indexOf("GBCSPayload>") + "GBCSPayload>".length();
      byte[] signed = Base64.getDecoder().decode(body.substring(a, body.indexOf('<', a)));
      byte[] pre = issued.remove(id);
      java.util.Optional<byte[]> signature = pre == null ? java.util.Optional.empty()
          : GbcsPreCommand.signatureOf(signed, pre);
      (signature.isPresent() ? signedPreCommands : badSignedPreCommands).incrementAndGet();
      PublicKey key = preCommandKey;
      if (key != null && signature.isPresent() && verifies(key, GbcsPreCommand.signedPart(pre), signature.get())) {
        verifiedPreCommandSignatures.incrementAndGet();
      }
    }

    private static boolean verifies(PublicKey key, byte[] data, byte[] signature) {
      try {
        Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
        ecdsa.initVerify(key);
        ecdsa.update(data);
        return ecdsa.verify(signature);
      } catch (GeneralSecurityException e) {
        return false;
      }
    }

    private void write(ChannelHandlerContext ctx, byte[] body) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
          Unpooled.wrappedBuffer(body));
      r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
      ctx.writeAndFlush(r);
    }

    private void answer(ChannelHandlerContext ctx, byte[] ack, RequestId id) {
      write(ctx, ack);
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
