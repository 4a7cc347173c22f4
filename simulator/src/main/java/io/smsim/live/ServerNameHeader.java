package io.smsim.live;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Adds {@value LiveOptions#SERVER_HEADER}{@code : NAME} to every HTTP response of the DUIS port
 * (answers, errors, the aggregator's 413), so that a client behind a load balancer can tell which
 * instance answered: {@code smsim failover-bench --server-header} reads it. Stateless and shared.
 */
@ChannelHandler.Sharable
final class ServerNameHeader extends ChannelOutboundHandlerAdapter {

  private final String name;

  ServerNameHeader(String name) {
    this.name = name;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse r) {
      r.headers().set(LiveOptions.SERVER_HEADER, name);
    }
    super.write(ctx, msg, promise);
  }
}
