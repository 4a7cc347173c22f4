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
 *
 * <p>The deadline moves with every request, but the timer does not: a connection has at most one
 * timer, which, when it fires before the deadline in force, sleeps again for the rest; it is moved
 * only when a deadline comes before it. A keep-alive connection therefore costs no timer operation
 * per request (a scheduled task, its allocation and two priority-queue updates each time), only a
 * wake-up per {@code requestMillis} or so while it is busy.
 */
final class RequestDeadline extends ChannelDuplexHandler {

  private final long requestMillis;
  private final long idleMillis;
  private ScheduledFuture<?> timer;
  /** When the timer fires ({@link System#nanoTime()}), if there is one. */
  private long timerDueNanos;
  /** When the state in force expires; {@link Long#MAX_VALUE} while the server works on a whole request. */
  private long deadlineNanos = Long.MAX_VALUE;
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
      deadlineNanos = Long.MAX_VALUE; // received whole: no deadline until the answer is out
    }
    super.channelRead(ctx, msg);
  }

  @Override
  public void flush(ChannelHandlerContext ctx) throws Exception {
    if (!inRequest && deadlineNanos == Long.MAX_VALUE) {
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
    long now = System.nanoTime();
    deadlineNanos = now + TimeUnit.MILLISECONDS.toNanos(millis);
    if (timer != null && timerDueNanos <= deadlineNanos) {
      return; // fires early and sleeps again for the rest
    }
    cancel();
    schedule(ctx, deadlineNanos - now);
  }

  private void schedule(ChannelHandlerContext ctx, long delayNanos) {
    timerDueNanos = System.nanoTime() + delayNanos;
    timer = ctx.executor().schedule(() -> fired(ctx), delayNanos, TimeUnit.NANOSECONDS);
  }

  private void fired(ChannelHandlerContext ctx) {
    timer = null;
    if (deadlineNanos == Long.MAX_VALUE) {
      return; // the server is answering: flush arms the idle deadline
    }
    long left = deadlineNanos - System.nanoTime();
    if (left > 0) {
      schedule(ctx, left);
      return;
    }
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
