package io.smsim.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.smsim.duis.Endpoint;

/**
 * The DSP's HTTP face: {@code POST /api/v1/serviceS|serviceD|serviceT} with DUIS XML, answered
 * synchronously by {@link DspService}; accepted requests continue through {@link CspHop}.
 * {@code GET /health} answers 200. Anything else is an HTTP error, and the connection survives it
 * unless the request itself was broken.
 */
final class DspHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  /** What every connection's handler shares. */
  record Shared(DspService dsp, CspHop hop, LiveMetrics metrics) {
  }

  private final Shared shared;

  DspHandler(Shared shared) {
    this.shared = shared;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    long t0 = System.nanoTime();
    if (!req.decoderResult().isSuccess()) {
      shared.metrics().dspAnswer("none", "http_400", System.nanoTime() - t0);
      HttpResponses.text(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", false);
      return;
    }
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    String path;
    try {
      path = new QueryStringDecoder(req.uri()).path();
    } catch (IllegalArgumentException e) { // a bad percent-escape, e.g. /api/v1/service%ZZ
      shared.metrics().dspAnswer("none", "http_400", System.nanoTime() - t0);
      HttpResponses.text(ctx, HttpResponseStatus.BAD_REQUEST, "bad request target: " + e.getMessage(), keepAlive);
      return;
    }
    Endpoint endpoint = Endpoint.fromPath(path).orElse(null);
    if (endpoint == null) {
      if (path.equals("/health") && req.method().equals(HttpMethod.GET)) {
        HttpResponses.text(ctx, HttpResponseStatus.OK, "ok", keepAlive);
      } else {
        shared.metrics().dspAnswer("none", "http_404", System.nanoTime() - t0);
        HttpResponses.text(ctx, HttpResponseStatus.NOT_FOUND, "not found: DUIS requests go to "
            + "/api/v1/serviceS, /api/v1/serviceD or /api/v1/serviceT", keepAlive);
      }
      return;
    }
    String name = path.substring(path.lastIndexOf('/') + 1);
    if (!req.method().equals(HttpMethod.POST)) {
      shared.metrics().dspAnswer(name, "http_405", System.nanoTime() - t0);
      HttpResponses.methodNotAllowed(ctx, "POST", keepAlive);
      return;
    }
    DspService.Answer answer = shared.dsp().answer(endpoint, req.content().nioBuffer());
    HttpResponses.send(ctx, answer.status(), HttpResponses.XML, answer.body(), keepAlive);
    shared.metrics().dspAnswer(name, answer.code(), System.nanoTime() - t0);
    if (answer.accepted() != null) {
      shared.hop().forward(answer.accepted());
    }
  }

  /** See {@link HttpResponses#failed}: an I/O error closes the connection, anything else is answered 500. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    HttpResponses.failed(ctx, "DUIS", cause);
  }
}
