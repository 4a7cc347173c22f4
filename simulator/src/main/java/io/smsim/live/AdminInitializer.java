package io.smsim.live;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;

/** Pipeline of the admin port: HTTP/1.1, small JSON bodies, deadlines, {@link AdminHandler}. */
final class AdminInitializer extends ChannelInitializer<SocketChannel> {

  private static final int MAX_BODY_BYTES = 16 * 1024;
  private final AdminCommands commands;
  private final AdminGuard guard;

  private final StatusCounter counter;

  AdminInitializer(AdminCommands commands, AdminGuard guard, LiveMetrics metrics) {
    this.commands = commands;
    this.guard = guard;
    this.counter = new StatusCounter(metrics, "admin");
  }

  @Override
  protected void initChannel(SocketChannel ch) {
    RequestDeadline deadline = new RequestDeadline(10_000, 120_000);
    ch.pipeline().addLast(deadline.firstByteTap(), new HttpServerCodec(), counter, deadline,
        new HttpObjectAggregator(MAX_BODY_BYTES), new AdminHandler(commands, guard));
  }
}
