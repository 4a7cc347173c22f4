package io.smsim.live;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.smsim.model.Outcome;
import java.nio.charset.StandardCharsets;

/**
 * A gateway server's answer over HTTP/1.1 (the hop's own frames carry the outcome's ordinal, {@link
 * HopProtocol}): HTTP 200 with the outcome's label for outcomes that
 * end the request's life at the CSP (success, no response, unreachable, gateway error), else 503
 * with the label. The bodies and headers of every (outcome, keep-alive) pair are made once and
 * shared, read-only, by every answer: an answer allocates only its response object.
 */
final class OutcomeAnswers {

  private final ByteBuf[] bodies = new ByteBuf[Outcome.count()];
  private final HttpHeaders[][] headers = new HttpHeaders[Outcome.count()][2];
  private final HttpResponseStatus[] statuses = new HttpResponseStatus[Outcome.count()];

  OutcomeAnswers() {
    for (Outcome o : Outcome.values()) {
      byte[] label = o.label().getBytes(StandardCharsets.UTF_8);
      bodies[o.ordinal()] = Unpooled.unreleasableBuffer(Unpooled.directBuffer(label.length).writeBytes(label));
      statuses[o.ordinal()] = ends(o) ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE;
      for (int keepAlive = 0; keepAlive < 2; keepAlive++) {
        headers[o.ordinal()][keepAlive] = new DefaultHttpHeaders()
            .set(HttpHeaderNames.CONTENT_TYPE, HttpResponses.TEXT)
            .set(HttpHeaderNames.CONTENT_LENGTH, label.length)
            .set(HttpHeaderNames.CONNECTION, keepAlive == 1 ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE);
      }
    }
  }

  /** Whether the gateway's answer says the request's life at the CSP ended there (HTTP 200). */
  static boolean ends(Outcome o) {
    return o == Outcome.SUCCESS || o == Outcome.NO_RESPONSE || o == Outcome.UNREACHABLE || o == Outcome.GATEWAY_ERROR;
  }

  /** Writes the answer; closes the connection afterwards unless {@code keepAlive}. */
  void send(ChannelHandlerContext ctx, Outcome o, boolean keepAlive) {
    int i = o.ordinal();
    DefaultFullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, statuses[i], bodies[i].duplicate(),
        headers[i][keepAlive ? 1 : 0], EmptyHttpHeaders.INSTANCE);
    if (keepAlive) {
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }
}
