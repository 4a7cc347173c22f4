package io.smsim.live;

import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Keeps the admin API out of reach of web pages and, off loopback, of anyone without its token.
 *
 * <ul>
 *   <li><b>Host</b> must name the admin address itself (on loopback: {@code 127.0.0.1},
 *       {@code localhost} or {@code [::1]} with the admin port), once: a page that rebinds its own DNS
 *       name to 127.0.0.1 (DNS rebinding) still sends its own name and is refused, 421, as is a
 *       request with two Host headers.</li>
 *   <li><b>Origin</b>, when a browser sends one, must be that same address: a page elsewhere is
 *       refused, 403, whatever it asks.</li>
 *   <li>State-changing requests ({@code POST}) need {@code Content-Type: application/json}: a
 *       page can send {@code text/plain} or a form cross-site without asking (a "simple request"
 *       of the Fetch standard, even with {@code mode: "no-cors"}), but not JSON, which takes a CORS
 *       preflight that this server never grants. Anything else is 415.</li>
 *   <li>Bound to an address other than loopback ({@code --admin-bind}), every request also needs
 *       the token printed at start, as Jupyter does: {@code Authorization: Bearer TOKEN} (or
 *       {@code ?token=TOKEN}); else 401. The Host and Origin checks are then relaxed to the port,
 *       since the machine's names cannot all be known.</li>
 * </ul>
 */
final class AdminGuard {

  /** Why a request was refused. */
  record Refusal(HttpResponseStatus status, String message) {
  }

  private static final List<String> LOOPBACK_NAMES = List.of("127.0.0.1", "localhost", "[::1]");

  private final IntSupplier port;
  private final boolean loopback;
  private final String token;

  private AdminGuard(IntSupplier port, boolean loopback, String token) {
    this.port = port;
    this.loopback = loopback;
    this.token = token;
  }

  /** The guard of an admin port bound to {@code bindHost}; a fresh token when that is not loopback. */
  static AdminGuard forBind(String bindHost, IntSupplier port) {
    boolean loopback = isLoopback(bindHost);
    String token = null;
    if (!loopback) {
      byte[] b = new byte[24];
      new SecureRandom().nextBytes(b);
      token = HexFormat.of().formatHex(b);
    }
    return new AdminGuard(port, loopback, token);
  }

  static boolean isLoopback(String host) {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** The token every request needs, or {@code null} on loopback. */
  String token() {
    return token;
  }

  /** {@code null} when the request may proceed. */
  Refusal check(FullHttpRequest req) {
    if (token != null && !hasToken(req)) {
      return new Refusal(HttpResponseStatus.UNAUTHORIZED, "the admin API off loopback needs the token printed at "
          + "start: Authorization: Bearer TOKEN");
    }
    List<String> hosts = req.headers().getAll(HttpHeaderNames.HOST);
    String host = hosts.size() == 1 ? hosts.get(0) : hosts.isEmpty() ? null : String.join(", ", hosts);
    if (hosts.size() != 1 || !allowed(host)) { // RFC 9112 3.2: exactly one Host
      return new Refusal(HttpResponseStatus.MISDIRECTED_REQUEST, "Host must be the admin address itself (e.g. "
          + "127.0.0.1:" + port.getAsInt() + "): " + host);
    }
    String origin = req.headers().get(HttpHeaderNames.ORIGIN);
    if (origin != null && !(origin.startsWith("http://") && allowed(origin.substring("http://".length())))) {
      return new Refusal(HttpResponseStatus.FORBIDDEN, "requests from web pages are refused: Origin " + origin);
    }
    if (req.method().equals(HttpMethod.POST)) {
      String type = req.headers().get(HttpHeaderNames.CONTENT_TYPE);
      String bare = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
      if (!bare.equals("application/json")) {
        return new Refusal(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json: "
            + type);
      }
    }
    return null;
  }

  /** {@code host[:port]} names this server: the port must match; on loopback the name must be a loopback name. */
  private boolean allowed(String hostPort) {
    String hp = hostPort.trim().toLowerCase(Locale.ROOT);
    int colon = hp.lastIndexOf(':');
    if (colon < 0 || hp.endsWith("]")) {
      return false; // the admin port is never 80: a Host without a port is not this server
    }
    String name = hp.substring(0, colon);
    if (!hp.substring(colon + 1).equals(Integer.toString(port.getAsInt()))) {
      return false;
    }
    return !loopback || LOOPBACK_NAMES.contains(name) || name.matches("127(\\.\\d{1,3}){3}");
  }

  private boolean hasToken(FullHttpRequest req) {
    String auth = req.headers().get(HttpHeaderNames.AUTHORIZATION);
    String given = null;
    if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
      given = auth.substring(7).trim();
    } else {
      List<String> q = new QueryStringDecoder(req.uri()).parameters().get("token");
      given = q == null || q.isEmpty() ? null : q.get(0);
    }
    return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }
}
