package io.smsim.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.smsim.model.FailoverPolicy;
import java.util.List;
import java.util.Map;

/**
 * The CSP gateway server's HTTP face, as the DSP and the failover controller see it:
 * {@code POST /csp/v1/requests?srv=4.1.1&category=onDemand} runs one request through the Gateway
 * Scheduler and answers with its outcome when the child finishes; {@code GET /probe/heartbeat},
 * {@code /probe/liveness} and {@code /probe/synthetic} answer health probes (200 ok, 503 failing).
 * Runs on the region's event loop, like all of the region's model state.
 */
final class GatewayHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final GatewayServer server;

  GatewayHandler(GatewayServer server) {
    this.server = server;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (!req.decoderResult().isSuccess()) {
      HttpResponses.text(ctx, HttpResponseStatus.BAD_REQUEST, "bad request", false);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(req.uri());
    String path = uri.path();
    if (path.equals("/csp/v1/requests") && req.method().equals(HttpMethod.POST)) {
      Map<String, List<String>> q = uri.parameters();
      server.request(ctx, first(q, "srv"), first(q, "category"), keepAlive);
    } else if (path.startsWith("/probe/") && req.method().equals(HttpMethod.GET)) {
      FailoverPolicy.ProbeKind kind = probeKind(path.substring("/probe/".length()));
      if (kind == null) {
        HttpResponses.text(ctx, HttpResponseStatus.NOT_FOUND, "no such probe", keepAlive);
      } else {
        boolean ok = server.probe(kind);
        HttpResponses.text(ctx, ok ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
            ok ? "ok" : "failing", keepAlive);
      }
    } else {
      HttpResponses.text(ctx, HttpResponseStatus.NOT_FOUND, "not found", keepAlive);
    }
  }

  static FailoverPolicy.ProbeKind probeKind(String name) {
    return switch (name) {
      case "heartbeat" -> FailoverPolicy.ProbeKind.HEARTBEAT;
      case "liveness" -> FailoverPolicy.ProbeKind.LIVENESS;
      case "synthetic" -> FailoverPolicy.ProbeKind.SYNTHETIC;
      default -> null;
    };
  }

  private static String first(Map<String, List<String>> q, String key) {
    List<String> v = q.get(key);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    ctx.close();
  }
}
