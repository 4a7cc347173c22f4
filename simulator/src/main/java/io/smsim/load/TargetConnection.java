package io.smsim.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.Arrays;

/**
 * One keep-alive HTTP/1.1 connection slot from a worker to the target, carrying one request at a
 * time (no pipelining, as wrk). The slot outlives its channels: after a close it reconnects, with a
 * fresh {@link Handler} per channel. A response's status and the first {@value #MAX_KEPT} bytes of
 * its body (where a DUIS response code is) are collected from the HTTP decoder's parts without an
 * aggregator. Everything runs on the worker's event loop.
 */
final class TargetConnection {

  final LoadWorker worker;
  final int index;
  Channel channel;
  /** The worker's sequence number of the request on this connection, or -1. */
  long seq = -1;
  boolean up;
  int failedConnects;
  private static final int MAX_KEPT = 64 * 1024;
  private int status;
  private int server;
  private byte[] body = new byte[2048];
  private int length;

  TargetConnection(LoadWorker worker, int index) {
    this.worker = worker;
    this.index = index;
  }

  Handler handler() {
    return new Handler();
  }

  private void keep(ByteBuf content) {
    int n = Math.min(content.readableBytes(), MAX_KEPT - length);
    if (n <= 0) {
      return;
    }
    if (length + n > body.length) {
      body = Arrays.copyOf(body, Math.min(MAX_KEPT, Math.max(length + n, body.length * 2)));
    }
    content.getBytes(content.readerIndex(), body, length, n);
    length += n;
  }

  /** The pipeline's last handler for one channel of this slot. */
  final class Handler extends SimpleChannelInboundHandler<HttpObject> {
    @Override
    protected void channelRead0(ChannelHandlerContext ctx, HttpObject msg) {
      if (ctx.channel() != channel) {
        return;
      }
      if (msg instanceof HttpResponse r) {
        status = r.decoderResult().isSuccess() ? r.status().code() : 0;
        server = worker.serverSlot(r.headers());
        length = 0;
      }
      if (msg instanceof HttpContent c) {
        if (!c.decoderResult().isSuccess()) {
          status = 0;
        }
        keep(c.content());
      }
      if (msg instanceof LastHttpContent) {
        worker.onAnswer(TargetConnection.this, status, body, length, server);
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
