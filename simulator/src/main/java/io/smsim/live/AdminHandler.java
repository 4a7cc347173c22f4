package io.smsim.live;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The admin API: {@code GET /admin/status}, {@code POST /admin/faults} (inject or clear),
 * {@code POST /admin/restart}, {@code POST /admin/failover}, and {@code GET /metrics} (Prometheus
 * text). Answers are JSON; mistakes in a body are 400 with {@code {"error": "..."}}. Every request
 * passes {@link AdminGuard} first (Host, Origin, JSON content type, and off loopback a token).
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

  private final AdminCommands commands;
  private final AdminGuard guard;

  AdminHandler(AdminCommands commands, AdminGuard guard) {
    this.commands = commands;
    this.guard = guard;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
    boolean keepAlive = HttpUtil.isKeepAlive(req);
    if (!req.decoderResult().isSuccess()) {
      HttpResponses.text(ctx, HttpResponseStatus.BAD_REQUEST, "malformed HTTP request", false);
      return;
    }
    AdminGuard.Refusal refused = guard.check(req);
    if (refused != null) {
      error(ctx, false, refused.status(), refused.message());
      return;
    }
    String path;
    try {
      path = new QueryStringDecoder(req.uri()).path();
    } catch (IllegalArgumentException e) {
      error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, "bad request target: " + e.getMessage());
      return;
    }
    HttpMethod method = req.method();
    byte[] body = ByteBufUtil.getBytes(req.content());
    switch (path) {
      case "/admin/status" -> {
        if (method.equals(HttpMethod.GET)) {
          reply(ctx, keepAlive, commands.status().thenApply(commands::json), HttpResponses.JSON);
        } else {
          HttpResponses.methodNotAllowed(ctx, "GET", keepAlive);
        }
      }
      case "/metrics" -> {
        if (method.equals(HttpMethod.GET)) {
          reply(ctx, keepAlive, commands.metricsText(), LiveMetrics.CONTENT_TYPE);
        } else {
          HttpResponses.methodNotAllowed(ctx, "GET", keepAlive);
        }
      }
      case "/admin/faults", "/admin/restart", "/admin/failover" -> {
        if (!method.equals(HttpMethod.POST)) {
          HttpResponses.methodNotAllowed(ctx, "POST", keepAlive);
          return;
        }
        CompletableFuture<Map<String, Object>> result;
        try {
          result = switch (path) {
            case "/admin/faults" -> commands.faultCommand(body);
            case "/admin/restart" -> commands.restartCommand(body);
            default -> commands.failoverCommand(body);
          };
        } catch (IllegalArgumentException e) {
          error(ctx, keepAlive, HttpResponseStatus.BAD_REQUEST, e.getMessage());
          return;
        }
        reply(ctx, keepAlive, result.thenApply(commands::json), HttpResponses.JSON);
      }
      default -> HttpResponses.text(ctx, HttpResponseStatus.NOT_FOUND,
          "not found: GET /admin/status, POST /admin/faults, POST /admin/restart, POST /admin/failover, GET /metrics",
          keepAlive);
    }
  }

  private void reply(ChannelHandlerContext ctx, boolean keepAlive, CompletableFuture<byte[]> body, String type) {
    body.whenComplete((bytes, err) -> ctx.executor().execute(() -> {
      if (err == null) {
        HttpResponses.send(ctx, HttpResponseStatus.OK, type, bytes, keepAlive);
      } else {
        Throwable cause = err instanceof CompletionException && err.getCause() != null ? err.getCause() : err;
        HttpResponseStatus status = cause instanceof IllegalArgumentException
            ? HttpResponseStatus.BAD_REQUEST : HttpResponseStatus.INTERNAL_SERVER_ERROR;
        error(ctx, keepAlive, status, String.valueOf(cause.getMessage()));
      }
    }));
  }

  private void error(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status, String message) {
    HttpResponses.send(ctx, status, HttpResponses.JSON, commands.json(Map.of("error", message)), keepAlive);
  }

  /** See {@link HttpResponses#failed}: an I/O error closes the connection, anything else is answered 500. */
  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    HttpResponses.failed(ctx, "admin", cause);
  }
}
