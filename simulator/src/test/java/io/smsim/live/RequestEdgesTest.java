package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.duis.RequestId;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.SrvCatalogue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every request line gets an HTTP answer, every status is counted, and a replayed RequestID is refused. */
class RequestEdgesTest {

  private static final String SCENARIO = """
      name: edges
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway: {deviceLatency: 100ms}
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;

  private static LiveFixture live;

  @BeforeAll
  static void start() throws InterruptedException {
    live = LiveFixture.start(SCENARIO, 1, o -> o.withLimits(2048, 1_000, 60_000, 100));
  }

  @AfterAll
  static void stop() {
    live.close();
  }

  private static String raw(String request, int timeoutMillis) throws IOException {
    return RawSocket.exchange(live.emulator.dspPort(), request, timeoutMillis);
  }

  @Test
  void aBadPercentEscapeInTheTargetIsAnswered400AndTheServerKeepsServing() throws Exception {
    for (String target : new String[] {"/api/v1/service%ZZ", "/api/v1/serviceS%", "/%", "/%zz/../x"}) {
      String answer = raw("POST " + target + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
          3000);
      assertThat(answer).as(target).startsWith("HTTP/1.1 400");
    }
    assertThat(live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 1)).statusCode()).isEqualTo(200);
  }

  @Test
  void slowAndOversizedRequestsAre408And413AndEveryStatusIsCounted() throws Exception {
    assertThat(raw("POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc", 5000))
        .startsWith("HTTP/1.1 408");
    assertThat(raw("POST /api/v1/serviceS HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n" + "x".repeat(5000),
        5000)).startsWith("HTTP/1.1 413");
    String metrics = live.adminGet("/metrics").body();
    assertThat(metrics).containsPattern("smsim_http_responses_total\\{code=\"408\",server=\"duis\"} [1-9]")
        .containsPattern("smsim_http_responses_total\\{code=\"413\",server=\"duis\"} [1-9]");
  }

  @Test
  void theSameRequestIdThreeTimesIsAcknowledgedAndAnsweredOnce() throws Exception {
    byte[] request = live.read(Region.NORTH, 2);
    long counter = live.lastCounter();
    double replayedBefore = replayed();
    DuisResponseParser parser = DuisResponseParser.create();
    HttpResponse<String> first = live.post(Endpoint.SEND_COMMAND, request);
    HttpResponse<String> second = live.post(Endpoint.SEND_COMMAND, request);
    HttpResponse<String> third = live.post(Endpoint.SEND_COMMAND, request);
    assertThat(parser.parse(first.body().getBytes(StandardCharsets.UTF_8)).responseCode()).isEqualTo("I99");
    for (HttpResponse<String> again : List.of(second, third)) {
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(parser.parse(again.body().getBytes(StandardCharsets.UTF_8)).responseCode())
          .isEqualTo(DspService.REPLAYED.code());
    }
    // a second final response, if one were sent, would be delivered before serve has nothing in flight
    // and nothing left to deliver (other tests' requests share this server: only this RequestID counts)
    await("serve idle").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
      JsonNode dsp = live.status().get("dsp");
      assertThat(dsp.get("inFlight").asInt() + dsp.get("pendingDeliveries").asInt()).isZero();
    });
    assertThat(live.sink.received()).filteredOn(r -> r.response().requestId().counter() == counter).hasSize(1);
    assertThat(replayed() - replayedBefore).isEqualTo(2.0);
  }

  /**
   * wrk and most load tools reset the connections they still hold when a run ends: that is the
   * client going away, not an internal error, and must not show as HTTP 500s in the metrics.
   */
  @Test
  void aClientThatResetsItsConnectionMidRequestIsNotCountedAsAnInternalError() throws Exception {
    double before = status500();
    for (int i = 0; i < 5; i++) {
      try (java.net.Socket s = new java.net.Socket("127.0.0.1", live.emulator.dspPort())) {
        s.getOutputStream().write(("POST /api/v1/serviceS HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/xml\r\n"
            + "Content-Length: 5000\r\n\r\n<sr:Request").getBytes(StandardCharsets.ISO_8859_1));
        s.getOutputStream().flush();
        Thread.sleep(100); // the server has read the partial request
        s.setSoLinger(true, 0); // close with a reset
      }
    }
    Thread.sleep(500);
    assertThat(status500() - before).as("HTTP 500s counted for reset connections").isZero();
    assertThat(raw("GET /api/v1/serviceS HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 5_000))
        .as("still serving").startsWith("HTTP/1.1 405");
  }

  private static double status500() throws Exception {
    return live.metric("smsim_http_responses_total{code=\"500\",server=\"duis\"}");
  }

  private static double replayed() throws Exception {
    return live.metric("smsim_dsp_requests_total{code=\"replayed\",endpoint=\"serviceS\"}");
  }

  /** The window is keyed on the whole RequestID: the same originator, target and counter for another SRV is a replay. */
  @Test
  void theSameRequestIdForAnotherSrvIsRefusedAsAReplay() throws Exception {
    SrvCatalogue catalogue = SrvCatalogue.standard();
    DuisRequestBuilder requests = DuisRequestBuilder.create(catalogue);
    RequestId id = new RequestId(LiveFixture.ORIGINATOR, DeviceRegistry.generated(Region.NORTH, 4), 77_000_001L);
    DuisResponseParser parser = DuisResponseParser.create();
    HttpResponse<String> read = live.post(Endpoint.SEND_COMMAND,
        requests.build(catalogue.find("4.1.1").orElseThrow(), id));
    HttpResponse<String> other = live.post(Endpoint.SEND_COMMAND,
        requests.build(catalogue.find("4.4.2").orElseThrow(), id));
    assertThat(parser.parse(read.body().getBytes(StandardCharsets.UTF_8)).responseCode()).isEqualTo("I99");
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(parser.parse(other.body().getBytes(StandardCharsets.UTF_8)).responseCode())
        .as("same RequestID, SRV 4.4.2 after 4.1.1").isEqualTo(DspService.REPLAYED.code());
  }
}
