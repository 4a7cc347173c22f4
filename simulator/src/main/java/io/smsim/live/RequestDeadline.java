package io.smsim.live;

import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Defends a server against slow and idle clients (slowloris): a request must arrive whole within
 * {@code requestMillis} of its first byte, else it is answered 408 and the connection closed; a
 * connection with nothing in progress is closed after {@code idleMillis}. Two handlers share the
 * state: {@link #firstByteTap()} before the HTTP codec sees the first raw byte of a request (so
 * headers sent byte by byte are timed too), and this one after the codec sees where it ends.
 */
final class RequestDeadline extends ChannelDuplexHandler {

  private final long requestMillis;
  private final long idleMillis;
  private ScheduledFuture<?> timer;
  private boolean inRequest;
  /** This handler's context (after the codec): the 408 must be written from here to be encoded. */
  private ChannelHandlerContext self;

  RequestDeadline(long requestMillis, long idleMillis) {
    this.requestMillis = requestMillis;
    this.idleMillis = idleMillis;
  }

  /** The handler to place before the HTTP codec. */
  ChannelHandler firstByteTap() {
    return new ChannelInboundHandlerAdapter() {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!inRequest && self != null) {
          inRequest = true;
          arm(self, requestMillis);
        }
        super.channelRead(ctx, msg);
      }
    };
  }

  @Override
  public void handlerAdded(ChannelHandlerContext ctx) {
    self = ctx;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    arm(ctx, idleMillis);
    super.channelActive(ctx);
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
    if (msg instanceof HttpRequest && !inRequest) {
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
