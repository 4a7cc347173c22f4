package io.smsim.live;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses connections beyond {@code max} open at once, so a connection flood cannot exhaust memory
 * or descriptors: such a connection is answered {@code 503 Service Unavailable} (written before
 * the HTTP codec, as raw bytes) and closed, so its client gets an HTTP answer, not a reset.
 */
@ChannelHandler.Sharable
final class ConnectionLimit extends ChannelInboundHandlerAdapter {

  private static final byte[] REFUSAL = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; "
      + "charset=utf-8\r\nContent-Length: 28\r\nRetry-After: 1\r\nConnection: close\r\n\r\ntoo many connections: retry\n")
      .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final int max;
  private final LiveMetrics metrics;
  private final AtomicInteger open = new AtomicInteger();

  ConnectionLimit(int max, LiveMetrics metrics) {
    this.max = max;
    this.metrics = metrics;
  }

  @Override
  public void channelActive(ChannelHandlerContext ctx) throws Exception {
    if (open.incrementAndGet() > max) {
      metrics.httpResponse("duis", 503);
      ctx.writeAndFlush(io.netty.buffer.Unpooled.wrappedBuffer(REFUSAL))
          .addListener(io.netty.channel.ChannelFutureListener.CLOSE);
      return;
    }
    super.channelActive(ctx);
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) throws Exception {
    open.decrementAndGet();
    super.channelInactive(ctx);
  }

  int open() {
    return open.get();
  }
}
