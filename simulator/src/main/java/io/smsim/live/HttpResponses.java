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
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

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

  /** Internal errors written to stderr before they are only counted (the 500s in the metrics). */
  static final int REPORTED_FAILURES = 10;

  private static final AtomicInteger FAILURES = new AtomicInteger();

  /**
   * Something failed on a connection. An I/O error (the client reset the connection, as wrk and
   * most load tools do to the connections they still hold when a run ends; a broken pipe) has no
   * one to answer: the connection is closed, and no response is counted. Anything else is a failure
   * of smsim's own handling: the request gets an HTTP 500 before the connection closes, and the
   * first {@value #REPORTED_FAILURES} are written to stderr with their stack trace, so that a 500
   * in the metrics can be traced to its cause.
   */
  static void failed(ChannelHandlerContext ctx, String server, Throwable cause) {
    if (cause instanceof IOException || !ctx.channel().isActive()) {
      ctx.close();
      return;
    }
    int n = FAILURES.incrementAndGet();
    if (n <= REPORTED_FAILURES) {
      StringWriter trace = new StringWriter();
      cause.printStackTrace(new PrintWriter(trace));
      System.err.print("smsim: internal error on a " + server + " request, answered HTTP 500"
          + (n == REPORTED_FAILURES ? " (the last one written here; later ones are counted in"
          + " smsim_http_responses_total{code=\"500\"} only)" : "") + ": " + trace);
    }
    text(ctx, HttpResponseStatus.INTERNAL_SERVER_ERROR, "internal error", false);
  }

  static void text(ChannelHandlerContext ctx, HttpResponseStatus status, String text, boolean keepAlive) {
    send(ctx, status, TEXT, (text + "\n").getBytes(StandardCharsets.UTF_8), keepAlive);
  }
}
