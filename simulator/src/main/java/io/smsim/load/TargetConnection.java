package io.smsim.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;

/**
 * One keep-alive HTTP/1.1 connection slot from a worker to the target, carrying one request at a
 * time (no pipelining, as wrk). The slot outlives its channels: after a close it reconnects, with a
 * fresh {@link Handler} per channel. Everything runs on the worker's event loop.
 */
final class TargetConnection {

  final LoadWorker worker;
  final int index;
  Channel channel;
  /** The worker's sequence number of the request on this connection, or -1. */
  long seq = -1;
  boolean up;
  int failedConnects;

  TargetConnection(LoadWorker worker, int index) {
    this.worker = worker;
    this.index = index;
  }

  Handler handler() {
    return new Handler();
  }

  /** The pipeline's last handler for one channel of this slot. */
  final class Handler extends SimpleChannelInboundHandler<FullHttpResponse> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
      if (ctx.channel() == channel) {
        worker.onAnswer(TargetConnection.this, response.decoderResult().isSuccess() ? response.status().code() : 0,
            response.content());
      }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
      if (ctx.channel() == channel) {
        worker.onClosed(TargetConnection.this);
      }
      super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
