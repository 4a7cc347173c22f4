package io.smsim.live;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;

/**
 * Pipeline of a CSP gateway server's port: HTTP/1.1 or the DSP's hop, by the connection's first bytes
 * ({@link GatewayProtocols}).
 */
final class GatewayInitializer extends ChannelInitializer<SocketChannel> {

  private final GatewayServer server;

  GatewayInitializer(GatewayServer server) {
    this.server = server;
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    server.connected(ch);
    ch.pipeline().addLast(new GatewayProtocols(server));
  }
}
