package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The admin API cannot be driven by a web page (a no-cors text/plain POST, a foreign Origin, a
 * rebound DNS name in Host), off loopback it needs its token, and every numeric fault parameter is
 * finite and within what the clock represents.
 */
class AdminApiSecurityTest {

  private static final String SCENARIO = """
      name: admin
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;

  private static final String LEAK = "{\"kind\":\"leak\",\"region\":\"north\",\"probability\":0.5}";

  private static String raw(int port, String request) throws IOException {
    // Connection: close ends the read as soon as the answer is out; a loaded machine is slow
    return RawSocket.exchange(port, request, 15_000);
  }

  private static String post(String host, String origin, String type, String body) {
    return "POST /admin/faults HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
        + (type == null ? "" : "Content-Type: " + type + "\r\n") + "Content-Length: " + body.length()
        + "\r\nConnection: close\r\n\r\n" + body;
  }

  @Test
  void aCrossSiteNoCorsPostIsRefusedAndInjectsNothing() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 1)) {
      int port = live.emulator.adminPort();
      String self = "127.0.0.1:" + port;
      // what fetch(url, {method: "POST", mode: "no-cors", body}) sends from a page on evil.test
      assertThat(raw(port, post("evil.test:" + port, "http://evil.test", "text/plain;charset=UTF-8", LEAK)))
          .startsWith("HTTP/1.1 421");
      // the same through DNS rebinding, with the page's own origin and Host
      assertThat(raw(port, post("rebound.evil.test:" + port, "http://rebound.evil.test:" + port, "text/plain", LEAK)))
          .startsWith("HTTP/1.1 421");
      assertThat(raw(port, post(self, "http://evil.test", "application/json", LEAK))).startsWith("HTTP/1.1 403");
      assertThat(raw(port, post(self, null, "text/plain", LEAK))).startsWith("HTTP/1.1 415")
          .contains("Content-Type must be application/json");
      assertThat(raw(port, post(self, null, "application/x-www-form-urlencoded", LEAK))).startsWith("HTTP/1.1 415");
      assertThat(live.region("north").get("faults")).isEmpty();
      // the admin address itself, JSON: obeyed; localhost and a same-origin page too
      assertThat(raw(port, post(self, null, "application/json", LEAK))).startsWith("HTTP/1.1 200");
      assertThat(raw(port, post("localhost:" + port, "http://localhost:" + port, "application/json; charset=utf-8",
          LEAK))).startsWith("HTTP/1.1 200");
      assertThat(live.region("north").get("faults")).hasSize(2);
      assertThat(live.adminGet("/metrics").body()).contains("smsim_http_responses_total{code=\"421\",server=\"admin\"} 2.0",
          "smsim_http_responses_total{code=\"415\",server=\"admin\"} 2.0");
    }
  }

  /**
   * The rest of the class: a CORS preflight is never granted, a second Host header is not a way
   * round the first, a field named twice is refused, and the IPv6 loopback is loopback.
   */
  @Test
  void preflightsDuplicateHostsAndDuplicateFieldsAreRefusedAndIpv6LoopbackIsLoopback() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 1)) {
      int port = live.emulator.adminPort();
      String self = "127.0.0.1:" + port;
      String preflight = raw(port, "OPTIONS /admin/faults HTTP/1.1\r\nHost: " + self + "\r\nOrigin: http://evil.test"
          + "\r\nAccess-Control-Request-Method: POST\r\nAccess-Control-Request-Headers: content-type\r\n"
          + "Connection: close\r\n\r\n");
      assertThat(preflight).startsWith("HTTP/1.1 403").doesNotContainIgnoringCase("Access-Control-Allow");
      assertThat(raw(port, "POST /admin/faults HTTP/1.1\r\nHost: " + self + "\r\nHost: evil.test:" + port
          + "\r\nContent-Type: application/json\r\nContent-Length: " + LEAK.length() + "\r\nConnection: close\r\n\r\n"
          + LEAK)).startsWith("HTTP/1.1 421");
      HttpResponse<String> twice = live.adminPost("/admin/faults",
          "{\"kind\":\"leak\",\"kind\":\"wan-outage\",\"region\":\"north\",\"probability\":0.5}");
      assertThat(twice.statusCode()).isEqualTo(400);
      assertThat(twice.body()).contains("Duplicate field 'kind'");
      assertThat(live.region("north").get("faults")).isEmpty();
    }
    try (LiveFixture v6 = LiveFixture.start(SCENARIO, 1, o -> o.withAdminHost("::1"))) {
      assertThat(v6.emulator.adminToken()).as("::1 is loopback: no token").isNull();
      HttpResponse<String> r = v6.http.send(HttpRequest.newBuilder(URI.create("http://[::1]:"
          + v6.emulator.adminPort() + "/admin/faults")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(LEAK)).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }

  @Test
  void offLoopbackEveryRequestNeedsTheTokenPrintedAtStart() {
    AdminGuard guard = AdminGuard.forBind("0.0.0.0", () -> 8081);
    assertThat(guard.token()).hasSize(48);
    FullHttpRequest get = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/admin/status",
        Unpooled.EMPTY_BUFFER);
    get.headers().set("Host", "smsim.lab:8081");
    assertThat(guard.check(get).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
    get.headers().set("Authorization", "Bearer wrong");
    assertThat(guard.check(get).status()).isEqualTo(HttpResponseStatus.UNAUTHORIZED);
    get.headers().set("Authorization", "Bearer " + guard.token());
    assertThat(guard.check(get)).isNull();
    assertThat(AdminGuard.forBind("127.0.0.1", () -> 8081).token()).isNull();
  }

  @Test
  void faultNumbersOutsideWhatTheClockRepresentsAre400NamingTheField() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 1)) {
      for (String[] c : new String[][] {
          {"{\"kind\":\"broker-rtt\",\"region\":\"north\",\"addMs\":1e13}", "addMs must be in [0, 3155760000000]"},
          {"{\"kind\":\"broker-rtt\",\"region\":\"north\",\"addMs\":1e300}", "addMs must be in"},
          {"{\"kind\":\"broker-rtt\",\"region\":\"north\",\"addMs\":1e400}", "addMs must be in"},
          {"{\"kind\":\"broker-rtt\",\"region\":\"north\",\"addMs\":-1}", "addMs must be in"},
          {"{\"kind\":\"gray-failure\",\"region\":\"north\",\"slowdown\":1e300}", "slowdown must be in [1, 1000000]"},
          {"{\"kind\":\"gray-failure\",\"region\":\"north\",\"failureProbability\":2}", "failureProbability must be in [0, 1]"},
          {"{\"kind\":\"leak\",\"region\":\"north\",\"probability\":1e999}", "probability must be in [0, 1]"}}) {
        HttpResponse<String> r = live.adminPost("/admin/faults", c[0]);
        assertThat(r.statusCode()).as(c[0]).isEqualTo(400);
        assertThat(r.body()).as(c[0]).contains(c[1]);
      }
      assertThat(live.region("north").get("faults")).isEmpty();
      assertThat(live.adminPost("/admin/faults", "{\"kind\":\"broker-rtt\",\"region\":\"north\",\"addMs\":500}")
          .statusCode()).isEqualTo(200);
    }
  }

  @Test
  void theJdkClientOfTheFailoverBenchStillDrivesIt() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 1)) {
      HttpResponse<String> r = live.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
          + live.emulator.adminPort() + "/admin/restart")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"region\":\"north\"}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }
  }
}
