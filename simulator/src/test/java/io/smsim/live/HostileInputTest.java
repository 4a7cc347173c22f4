package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.model.Region;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed, hostile and abusive requests each get the right HTTP or DUIS error, and the DSP keeps
 * serving: after every case a valid request is still acknowledged and its final response delivered.
 */
class HostileInputTest {

  private static final String SCENARIO = """
      name: hostile
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: 500ms
      regions: {north: {}}
      devices: {north: {count: 100}}
      """;
  private static final String SR_NS = "http://www.dccinterface.co.uk/ServiceUserGateway";
  private static final DuisResponseParser RESPONSES = DuisResponseParser.create();
  private static LiveFixture live;
  private static String valid;

  @BeforeAll
  static void start() throws Exception {
    live = LiveFixture.start(SCENARIO, 50, o -> o.withLimits(64 * 1024, 500, 1_500, 20_000));
    valid = new String(live.read(Region.NORTH, 0), StandardCharsets.UTF_8);
  }

  @AfterAll
  static void stop() {
    if (live != null) {
      live.close();
    }
  }

  @Test
  void notXml() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, "hello, DSP", 400, "E11");
  }

  @Test
  void emptyBody() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, "", 400, "E11");
  }

  @Test
  void wrongNamespace() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, valid.replace(SR_NS, "http://example.com/not-duis"), 400, "E11");
  }

  @Test
  void unknownSrv() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, srv(valid, "99.9", "99.9.9"), 400, "E11");
  }

  @Test
  void serviceReferenceNotTheSrvs() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, srv(valid, "4.2", "4.1.1"), 200, "E11");
  }

  @Test
  void commandVariantNotAllowedForTheSrv() throws Exception {
    // 4.1.1 is non-critical (1-3); 5 is a signed pre-command, which serviceS does accept
    expectDuis(Endpoint.SEND_COMMAND, cv(valid, 5), 200, "E12");
  }

  @Test
  void commandVariantSentToTheWrongEndpoint() throws Exception {
    expectDuis(Endpoint.TRANSFORM, valid, 200, "E13");
    expectDuis(Endpoint.NON_DEVICE, valid, 200, "E13");
  }

  @Test
  void badRequestId() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, valid.replace("00-DB-FF-01-00-00-00-00:", "00-db-ff-01-00-00-00-00:"), 400,
        "E11");
    expectDuis(Endpoint.SEND_COMMAND, valid.replaceFirst(":(\\d+)</sr:RequestID>", "</sr:RequestID>"), 400, "E11");
  }

  @Test
  void unknownDevice() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, valid.replace("00-DB-FF-01-00-00-00-00:", "00-DB-FF-01-00-00-FF-FF:"), 200,
        "E19");
  }

  @Test
  void deviceRequestAddressedToTheDcc() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, valid.replace("00-DB-FF-01-00-00-00-00:", "90-B3-D5-1F-30-00-00-02:"), 200,
        "E19");
  }

  @Test
  void externalEntityIsNeverResolved() throws Exception {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + valid.substring(valid.indexOf("<sr:Request")).replace("<sr:Body>", "<sr:Body>&x;");
    HttpResponse<String> r = expectDuis(Endpoint.SEND_COMMAND, xxe, 400, "E11");
    assertThat(r.body()).doesNotContain("root:");
  }

  @Test
  void entityExpansionBomb() throws Exception {
    StringBuilder dtd = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
          .append("\">");
    }
    dtd.append("]>");
    expectDuis(Endpoint.SEND_COMMAND, dtd + valid.substring(valid.indexOf("<sr:Request"))
        .replace("<sr:Body>", "<sr:Body>&lol9;"), 400, "E11");
  }

  @Test
  void nestedTooDeep() throws Exception {
    String deep = "<a>".repeat(500) + "</a>".repeat(500);
    expectDuis(Endpoint.SEND_COMMAND, valid.replace("<sr:Body>", "<sr:Body>" + deep), 400, "E11");
  }

  @Test
  void notUtf8() throws Exception {
    byte[] body = valid.replace("4.1.1</sr:ServiceReferenceVariant>", "4.1.1\u00ff</sr:ServiceReferenceVariant>")
        .getBytes(StandardCharsets.ISO_8859_1);
    HttpResponse<String> r = live.post(Endpoint.SEND_COMMAND, body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(code(r)).isEqualTo("E11");
    stillServing();
  }

  @Test
  void truncatedXml() throws Exception {
    expectDuis(Endpoint.SEND_COMMAND, valid.substring(0, valid.length() / 2), 400, "E11");
  }

  @Test
  void oversizedBodyIsRefusedWith413() throws Exception {
    String head = "POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Type: application/xml\r\n"
        + "Content-Length: 10000000\r\n\r\n";
    assertThat(raw(head.getBytes(StandardCharsets.US_ASCII), 3_000)).startsWith("HTTP/1.1 413");
    stillServing();
  }

  @Test
  void truncatedHttpBodyTimesOutWith408() throws Exception {
    byte[] body = valid.getBytes(StandardCharsets.UTF_8);
    String head = "POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length + "\r\n\r\n";
    byte[] partial = (head + valid.substring(0, 100)).getBytes(StandardCharsets.UTF_8);
    assertThat(raw(partial, 3_000)).startsWith("HTTP/1.1 408");
    stillServing();
  }

  @Test
  void slowHeadersTimeOutWith408() throws Exception {
    assertThat(raw("POST /api/v1/serviceS HTTP/1.1\r\nHo".getBytes(StandardCharsets.US_ASCII), 3_000))
        .startsWith("HTTP/1.1 408");
    stillServing();
  }

  @Test
  void garbageInsteadOfHttp() throws Exception {
    assertThat(raw("\u0016\u0003\u0001 GARBAGE \u0000\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 3_000))
        .startsWith("HTTP/1.1 400");
    stillServing();
  }

  @Test
  void hugeHeaderIsRefused() throws Exception {
    String head = "POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000)
        + "\r\nContent-Length: 0\r\n\r\n";
    assertThat(raw(head.getBytes(StandardCharsets.US_ASCII), 3_000)).matches("(?s)HTTP/1.1 4\\d\\d.*");
    stillServing();
  }

  @Test
  void wrongMethodAndUnknownPath() throws Exception {
    HttpResponse<String> get = live.http.send(java.net.http.HttpRequest.newBuilder(live.dsp(Endpoint.SEND_COMMAND))
        .GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(get.headers().firstValue("allow")).contains("POST");
    HttpResponse<String> nowhere = live.http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create("http://127.0.0.1:" + live.emulator.dspPort() + "/api/v2/serviceS"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(valid)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(nowhere.statusCode()).isEqualTo(404);
    stillServing();
  }

  private static HttpResponse<String> expectDuis(Endpoint endpoint, String body, int status, String code)
      throws Exception {
    HttpResponse<String> r = live.post(endpoint, body.getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
    assertThat(code(r)).isEqualTo(code);
    stillServing();
    return r;
  }

  private static String code(HttpResponse<String> r) throws Exception {
    DuisResponse d = RESPONSES.parse(r.body().getBytes(StandardCharsets.UTF_8));
    return d.responseCode();
  }

  /** A valid request is still acknowledged and answered finally. */
  private static void stillServing() throws Exception {
    int before = live.sink.received().size();
    HttpResponse<String> r = live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 1));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(code(r)).isEqualTo("I99");
    assertThat(live.sink.await(before + 1, 5_000)).hasSizeGreaterThan(before);
  }

  private static String srv(String xml, String reference, String variant) {
    return xml.replace("<sr:ServiceReference>4.1</sr:ServiceReference>", "<sr:ServiceReference>" + reference
        + "</sr:ServiceReference>").replace("<sr:ServiceReferenceVariant>4.1.1</sr:ServiceReferenceVariant>",
        "<sr:ServiceReferenceVariant>" + variant + "</sr:ServiceReferenceVariant>");
  }

  private static String cv(String xml, int commandVariant) {
    return xml.replace("<sr:CommandVariant>1</sr:CommandVariant>", "<sr:CommandVariant>" + commandVariant
        + "</sr:CommandVariant>");
  }

  /** Writes raw bytes and reads whatever comes back until the server closes or {@code timeoutMillis}. */
  private static String raw(byte[] bytes, int timeoutMillis) throws IOException {
    return RawSocket.exchange(live.emulator.dspPort(), bytes, timeoutMillis);
  }
}
