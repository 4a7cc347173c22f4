package io.smsim.bench;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
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
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.RequestId;
import io.smsim.duis.ResponseCode;
import java.net.InetSocketAddress;
import java.time.Instant;

/**
 * The simplest DUIS endpoint there is, for comparing load generators (not a JMH benchmark): every
 * request is answered at once with the same synchronous acknowledgement (I99), without reading it,
 * on keep-alive HTTP/1.1 connections. {@code benchmarks/load/compare-wrk.sh} points both
 * {@code wrk} and {@code smsim load --ack-only} at it, so the comparison measures the generators.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.smsim.bench.AckStub [PORT [THREADS]]</pre>
 */
public final class AckStub {

  private AckStub() {
  }

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    byte[] ack = DuisResponseBuilder.create().synchronous(new RequestId(0x90B3_D51F_3001_0000L, 0x00DB_FF01_0000_0000L,
        1), ResponseCode.I99, "4.1", "4.1.1", Instant.parse("2019-04-02T10:24:00Z"));
    ByteBuf body = Unpooled.unreleasableBuffer(Unpooled.directBuffer(ack.length).writeBytes(ack));
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
    try {
      Channel ch = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
          .option(ChannelOption.SO_BACKLOG, 1024).childOption(ChannelOption.TCP_NODELAY, true)
          .childHandler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel c) {
              c.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20), new Ack(body));
            }
          }).bind(new InetSocketAddress("127.0.0.1", port)).sync().channel();
      System.out.println("AckStub answering I99 on http://127.0.0.1:" + port + "/ with " + threads + " thread(s)");
      ch.closeFuture().sync();
    } finally {
      group.shutdownGracefully();
    }
  }

  @ChannelHandler.Sharable
  private static final class Ack extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final ByteBuf body;

    Ack(ByteBuf body) {
      this.body = body;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
      FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, body.duplicate());
      r.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/xml; charset=utf-8")
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
      if (HttpUtil.isKeepAlive(req)) {
        r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        ctx.writeAndFlush(r, ctx.voidPromise());
      } else {
        ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
