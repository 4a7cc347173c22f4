package io.smsim.live;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The Service User's response endpoint in tests: a loopback HTTP server recording every final DUIS response. */
final class ResponseSink implements AutoCloseable {

  /** A final response, when it arrived, and its bytes as POSTed. */
  record Received(long nanos, DuisResponse response, byte[] body) {
  }

  private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final DuisResponseParser parser = DuisResponseParser.create();
  private final List<Received> received = new ArrayList<>();
  private final List<String> unparsable = new ArrayList<>();
  private final Channel channel;

  ResponseSink() throws InterruptedException {
    channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
        .childHandler(new ChannelInitializer<SocketChannel>() {
          @Override
          protected void initChannel(SocketChannel ch) {
            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Handler());
          }
        }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + ((InetSocketAddress) channel.localAddress()).getPort() + "/responses");
  }

  synchronized List<Received> received() {
    return new ArrayList<>(received);
  }

  synchronized List<String> unparsable() {
    return new ArrayList<>(unparsable);
  }

  /** Waits until at least {@code n} responses arrived; returns them. */
  List<Received> await(int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    synchronized (this) {
      while (received.size() < n) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          break;
        }
        TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return new ArrayList<>(received);
    }
  }

  private synchronized void add(byte[] body) {
    try {
      received.add(new Received(System.nanoTime(), parser.parse(body), body));
    } catch (Exception e) {
      unparsable.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
    }
    notifyAll();
  }

  @Override
  public void close() {
    channel.close().awaitUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      add(ByteBufUtil.getBytes(req.content()));
      HttpResponses.send(ctx, HttpResponseStatus.OK, HttpResponses.TEXT, new byte[0], HttpUtil.isKeepAlive(req));
    }
  }
}
