package io.smsim.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2FrameStream;
import io.netty.handler.codec.http2.Http2FrameStreamException;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2Stream;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.SrvCatalogue;
import java.nio.charset.StandardCharsets;

/**
 * The CSP gateway server's HTTP/2 face: the same requests as {@link GatewayHandler}, each on its own
 * stream of one connection, answered when their child ends, in whatever order they end. A request's
 * headers are all the gateway reads (the DSP's hop has no body; DATA frames are released unread).
 * Runs on the region's event loop.
 */
final class GatewayHttp2Handler extends ChannelInboundHandlerAdapter {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final String REQUESTS = "/csp/v1/requests";
  private static final String PROBE = "/probe/";

  private final GatewayServer server;

  GatewayHttp2Handler(GatewayServer server) {
    this.server = server;
  }

  @Override
  public void channelRead(ChannelHandlerContext ctx, Object msg) {
    if (!(msg instanceof Http2HeadersFrame frame)) {
      ReferenceCountUtil.release(msg); // DATA of a request (unread), or a frame the codec already handled
      return;
    }
    Http2Headers h = frame.headers();
    Http2FrameStream stream = frame.stream();
    String method = h.method() == null ? "" : h.method().toString();
    String uri = h.path() == null ? "" : h.path().toString();
    int q = uri.indexOf('?');
    String path = q < 0 ? uri : uri.substring(0, q);
    if (path.equals(REQUESTS) && method.equals("POST")) {
      String query = q < 0 ? "" : uri;
      if (query.indexOf('%') >= 0 || query.indexOf('+') >= 0) {
        text(ctx, stream, HttpResponseStatus.BAD_REQUEST, "the hop's query has no escapes");
        return;
      }
      server.request(ctx, stream, CATALOGUE.indexOf(GatewayHandler.param(query, "srv")),
          GatewayServer.category(GatewayHandler.param(query, "category")), true);
    } else if (path.startsWith(PROBE) && method.equals("GET")) {
      FailoverPolicy.ProbeKind kind = GatewayHandler.probeKind(path.substring(PROBE.length()));
      if (kind == null) {
        text(ctx, stream, HttpResponseStatus.NOT_FOUND, "no such probe");
      } else {
        boolean ok = server.probe(kind);
        text(ctx, stream, ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE, ok ? "ok" : "failing");
      }
    } else {
      text(ctx, stream, HttpResponseStatus.NOT_FOUND, "not found");
    }
  }

  /** A small text answer on {@code stream}, unless the stream is gone (the client reset it). */
  static void text(ChannelHandlerContext ctx, Http2FrameStream stream, HttpResponseStatus status, String text) {
    if (stream.state() == Http2Stream.State.CLOSED || !ctx.channel().isActive()) {
      return;
    }
    byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
    Http2Headers headers = new DefaultHttp2Headers(false).status(status.codeAsText())
        .set("content-type", HttpResponses.TEXT).setInt("content-length", body.length);
    ctx.write(new DefaultHttp2HeadersFrame(headers, false).stream(stream), ctx.voidPromise());
    ctx.writeAndFlush(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true).stream(stream), ctx.voidPromise());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    if (!(cause instanceof Http2FrameStreamException)) { // a stream's error resets that stream alone
      ctx.close();
    }
  }
}
