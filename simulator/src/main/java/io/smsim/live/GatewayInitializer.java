package io.smsim.live;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** Pipeline of a CSP gateway server's port: HTTP/1.1, small bodies, deadlines, {@link GatewayHandler}. */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {

  private static final int MAX_BODY_BYTES = 64 * 1024;
  private final GatewayServer server;

  GatewayInitializer(GatewayServer server) {
    this.server = server;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    server.connected(ch);
    RequestDeadline deadline = new RequestDeadline(10_000, 300_000);
    ch.pipeline().addLast(deadline.firstByteTap(), new HttpServerCodec(), deadline,
        new HttpObjectAggregator(MAX_BODY_BYTES), new GatewayHandler(server));
  }
}
