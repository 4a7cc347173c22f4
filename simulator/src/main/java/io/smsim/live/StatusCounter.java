package io.smsim.live;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpResponse;

/**
 * Counts every HTTP response a server writes, by status code, whoever wrote it: the handler, the
 * aggregator's 413, the deadline's 408, a 400 for a request the codec could not read. Placed just
 * after the HTTP codec, so each response passes it on its way out.
 */
@ChannelHandler.Sharable
final class StatusCounter extends ChannelOutboundHandlerAdapter {

  private final LiveMetrics metrics;
  private final String server;

  StatusCounter(LiveMetrics metrics, String server) {
    this.metrics = metrics;
    this.server = server;
  }

  @Override
  public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
    if (msg instanceof HttpResponse r) {
      metrics.httpResponse(server, r.status().code());
    }
    super.write(ctx, msg, promise);
  }
}
