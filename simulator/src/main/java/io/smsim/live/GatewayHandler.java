package io.smsim.live;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.SrvCatalogue;
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

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final String REQUESTS = "/csp/v1/requests";
  private static final String REQUESTS_QUERY = REQUESTS + "?";

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
    String raw = req.uri();
    if (req.method().equals(HttpMethod.POST) && raw.startsWith(REQUESTS_QUERY) && raw.indexOf('%') < 0
        && raw.indexOf('+') < 0 && raw.indexOf('#') < 0) { // the DSP's own form, read in place
      server.request(ctx, null, 0, CATALOGUE.indexOf(param(raw, "srv")), GatewayServer.category(param(raw, "category")),
          keepAlive);
      return;
    }
    QueryStringDecoder uri = new QueryStringDecoder(raw);
    String path = uri.path();
    if (path.equals(REQUESTS) && req.method().equals(HttpMethod.POST)) {
      Map<String, List<String>> q = uri.parameters();
      server.request(ctx, null, 0, CATALOGUE.indexOf(first(q, "srv")), GatewayServer.category(first(q, "category")),
          keepAlive);
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

  /**
   * The first value of {@code name} in a query without escapes ({@code a=1&b=2}), as
   * {@link QueryStringDecoder} reads it; "" when absent.
   */
  static String param(String uri, String name) {
    int from = uri.indexOf('?') + 1;
    while (from > 0 && from < uri.length()) {
      int end = uri.indexOf('&', from);
      if (end < 0) {
        end = uri.length();
      }
      if (uri.startsWith(name, from) && from + name.length() < end && uri.charAt(from + name.length()) == '=') {
        return uri.substring(from + name.length() + 1, end);
      }
      from = end + 1;
    }
    return "";
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
