package io.smsim.load;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.smsim.duis.DuisRejectedException;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.SignatureRejectedException;
import io.smsim.live.NettyTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The Service User's response endpoint: an embedded HTTP server that accepts the final DUIS
 * {@code sr:Response} POSTs (the {@code --response-url} of {@code smsim serve}, or of any DSP),
 * answers 200 at once, parses each with {@link DuisResponseParser} and hands it, by its RequestID's
 * counter, to the worker that sent the request. Responses that are not ours (another originator, a
 * counter we never issued) are counted as unknown, unparsable bodies as unparsable (answered 400).
 * With a verifier ({@code --trust}), each response's XML signature is checked on its worker's loop;
 * one that is not accepted ends its request as {@code signature:<reason>}.
 * It runs on an event loop of its own and may be bound before the run exists (the failover bench
 * starts the emulation with its URL); until a run is attached every response counts as unknown.
 */
public final class CallbackReceiver implements AutoCloseable {

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NettyTransport.get().ioHandlerFactory());
  private final DuisResponseParser parser = DuisResponseParser.create();
  private final Channel channel;
  private volatile Attached run;

  /** A run's workers and how to find a request's worker from its counter. */
  private record Attached(LoadWorker[] workers, LoadOptions options, LoadStats stats) {
  }

  private CallbackReceiver(String bind, int port) throws InterruptedException {
    Channel ch;
    try {
      ch = new ServerBootstrap().group(group).channel(NettyTransport.get().serverChannel())
          .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
            }
          }).bind(new InetSocketAddress(bind, port)).sync().channel();
    } catch (InterruptedException | RuntimeException e) {
      group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
      throw e;
    }
    this.channel = ch;
  }

  /**
   * Binds the receiver on {@code bind:port} (0 = ephemeral).
   *
   * @throws IllegalArgumentException when the address cannot be bound
   */
  public static CallbackReceiver bind(String bind, int port) throws InterruptedException {
    try {
      return new CallbackReceiver(bind, port);
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) { // Netty rethrows the bind's IOException unchecked
      throw new IllegalArgumentException("cannot listen for callbacks on " + bind + ":" + port + ": " + e.getMessage());
    }
  }

  /** The URL to configure as the DSP's response URL. */
  public URI url() {
    InetSocketAddress a = (InetSocketAddress) channel.localAddress();
    String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
    return URI.create("http://" + host + ":" + a.getPort() + "/responses");
  }

  void attach(LoadWorker[] workers, LoadOptions options, LoadStats stats) {
    run = new Attached(workers, options, stats);
  }

  void detach() {
    run = null;
  }

  private void received(DuisResponse r, byte[] body, long now) {
    Attached a = run;
    if (a == null) {
      return;
    }
    if (r.isAcknowledgement()) {
      a.stats().callbackAcknowledgements.incrementAndGet();
      return;
    }
    if (r.requestId() == null || r.requestId().originator() != a.options().originator()) {
      a.stats().unknownCallbacks.incrementAndGet();
      return;
    }
    long c = r.requestId().counter() - a.options().counterBase() - 1;
    if (c < 0) {
      a.stats().unknownCallbacks.incrementAndGet();
      return;
    }
    LoadWorker w = a.workers()[(int) (c % a.workers().length)];
    long seq = c / a.workers().length;
    DuisVerifier verifier = a.options().signatures().verifier();
    if (verifier == null) {
      w.loop.execute(() -> w.onFinal(r, seq, now, null));
    } else { // on the worker's loop: the workers share the checks, the receiver's loop only routes
      w.loop.execute(() -> w.onFinal(r, seq, now, signatureRefusal(verifier, body)));
    }
  }

  /** {@code signature:<reason>} when the response's signature is not accepted, else {@code null}. */
  private static String signatureRefusal(DuisVerifier verifier, byte[] body) {
    try {
      verifier.verify(body, 0, body.length);
      return null;
    } catch (SignatureRejectedException e) {
      return "signature:" + e.reason().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      long now = System.nanoTime();
      boolean keepAlive = HttpUtil.isKeepAlive(req) && req.decoderResult().isSuccess();
      if (!req.decoderResult().isSuccess() || !req.method().equals(HttpMethod.POST)) {
        answer(ctx, req.decoderResult().isSuccess() ? HttpResponseStatus.METHOD_NOT_ALLOWED
            : HttpResponseStatus.BAD_REQUEST, keepAlive);
        return;
      }
      DuisResponse r;
      byte[] body = ByteBufUtil.getBytes(req.content());
      try {
        r = parser.parse(body);
      } catch (DuisRejectedException e) {
        Attached a = run;
        if (a != null) {
          a.stats().unparsableCallbacks.incrementAndGet();
        }
        answer(ctx, HttpResponseStatus.BAD_REQUEST, keepAlive);
        return;
      }
      answer(ctx, HttpResponseStatus.OK, keepAlive);
      received(r, body, now);
    }

    private void answer(ChannelHandlerContext ctx, HttpResponseStatus status, boolean keepAlive) {
      FullHttpResponse resp = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.EMPTY_BUFFER);
      resp.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
      if (keepAlive) {
        ctx.writeAndFlush(resp, ctx.voidPromise());
      } else {
        ctx.writeAndFlush(resp).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
