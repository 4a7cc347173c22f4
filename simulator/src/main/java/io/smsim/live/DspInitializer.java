package io.smsim.live;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * Pipeline of the DSP's DUIS port: connection limit, HTTP/1.1 codec (with bounded line and header
 * sizes), the instance's name on every response ({@link ServerNameHeader}, with {@code --server-name}),
 * slow-client deadlines, the aggregator with the body limit (oversized bodies get 413), and
 * {@link DspHandler}.
 */
final class DspInitializer extends ChannelInitializer<SocketChannel> {

  private final LiveOptions options;
  private final ConnectionLimit limit;
  private final DspHandler.Shared shared;
  private final ServerNameHeader serverName;
  private final StatusCounter counter;

  DspInitializer(LiveOptions options, ConnectionLimit limit, DspHandler.Shared shared) {
    this.options = options;
    this.limit = limit;
    this.shared = shared;
    this.serverName = options.serverName() == null ? null : new ServerNameHeader(options.serverName());
    this.counter = new StatusCounter(shared.metrics(), "duis");
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    RequestDeadline deadline = new RequestDeadline(options.requestTimeoutMillis(), options.idleTimeoutMillis());
    ch.pipeline().addLast(limit, deadline.firstByteTap(), new HttpServerCodec(4096, 8192, 8192), counter, deadline,
        new HttpObjectAggregator(options.maxBodyBytes()), new DspHandler(shared));
    if (serverName != null) {
      ch.pipeline().addAfter(ch.pipeline().context(HttpServerCodec.class).name(), "server-name", serverName);
    }
  }
}
