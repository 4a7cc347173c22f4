package io.smsim.live;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Defends a server against slow and idle clients (slowloris): a request must arrive whole within
 * {@code requestMillis} of its first line, else it is answered 408 and the connection closed; a
 * connection with no request in progress is closed after {@code idleMillis} (which also bounds how
 * long a client may take to send its headers). Sits after the HTTP codec, before the aggregator.
 */
final class RequestDeadline extends ChannelDuplexHandler {

  private final long requestMillis;
  private final long idleMillis;
  private ScheduledFuture<?> timer;
  private boolean inRequest;

  RequestDeadline(long requestMillis, long idleMillis) {
    this.requestMillis = requestMillis;
    this.idleMillis = idleMillis;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(ctx, idleMillis);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest) {
      inRequest = true;
      arm(ctx, requestMillis);
    }
    if (msg instanceof LastHttpContent) {
      inRequest = false;
      cancel();
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) throws Exception {
    if (!inRequest && timer == null) {
      arm(ctx, idleMillis); // the response went out: the connection is idle until the next request
    }
    super.flush(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    cancel();
    super.channelInactive(ctx);
  }

  private void arm(ChannelHandlerContext ctx, long millis) {
    cancel();
    timer = ctx.executor().schedule(() -> expire(ctx), millis, TimeUnit.MILLISECONDS);
  }

  private void expire(ChannelHandlerContext ctx) {
    timer = null;
    if (inRequest) {
      HttpResponses.text(ctx, HttpResponseStatus.REQUEST_TIMEOUT, "request not received in time", false);
    } else {
      ctx.close();
    }
  }

  private void cancel() {
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }
}
