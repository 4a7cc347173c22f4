package io.smsim.live;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writes complete HTTP/1.1 responses with keep-alive honoured: the one way every live handler answers. */
final class HttpResponses {

  static final String XML = "application/xml; charset=utf-8";
  static final String TEXT = "text/plain; charset=utf-8";
  static final String JSON = "application/json";

  /**
   * Header sets that skip Netty's per-value validation: every name and value written here is one of
   * this class's constants, a status or a number, never a client's text.
   */
  private static final HttpHeadersFactory TRUSTED_HEADERS = DefaultHttpHeadersFactory.headersFactory()
      .withValidation(false);
  private static final HttpHeadersFactory TRUSTED_TRAILERS = DefaultHttpHeadersFactory.trailersFactory()
      .withValidation(false);

  private HttpResponses() {
  }

  /** Sends {@code body}; closes the connection afterwards unless {@code keepAlive}. */
  static void send(ChannelHandlerContext ctx, HttpResponseStatus status, CharSequence contentType, byte[] body,
      boolean keepAlive) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body),
        TRUSTED_HEADERS, TRUSTED_TRAILERS);
    r.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
    HttpUtil.setContentLength(r, body.length);
    write(ctx, r, keepAlive);
  }

  private static void write(ChannelHandlerContext ctx, FullHttpResponse r, boolean keepAlive) {
    if (keepAlive) {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
      ctx.writeAndFlush(r, ctx.voidPromise());
    } else {
      r.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
      ctx.writeAndFlush(r).addListener(ChannelFutureListener.CLOSE);
    }
  }

  /** 405 with the {@code Allow} header RFC 9110 asks for. */
  static void methodNotAllowed(ChannelHandlerContext ctx, String allow, boolean keepAlive) {
    FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.METHOD_NOT_ALLOWED,
        Unpooled.EMPTY_BUFFER);
    r.headers().set(HttpHeaderNames.ALLOW, allow);
    HttpUtil.setContentLength(r, 0);
    write(ctx, r, keepAlive);
  }

  /**
   * A handler failed on a request: answer 500 and close, if the connection is still there (an I/O
   * error on a closed connection has no one to answer).
   */
  static void failed(ChannelHandlerContext ctx) {
    if (ctx.channel().isActive()) {
      text(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", false);
    } else {
      ctx.close();
    }
  }

  static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive) {
    send(ctx, status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8), keepAlive);
  }
}
