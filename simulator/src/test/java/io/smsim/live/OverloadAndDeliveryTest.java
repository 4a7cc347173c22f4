package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsim.ClosedPort;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.model.Region;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Bounded everywhere: beyond the in-flight bound requests are shed with E20; undeliverable responses are retried, then counted as undeliverable. */
class OverloadAndDeliveryTest {

  private static final String SCENARIO = """
      name: overload
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          deviceLatency: DEVICE
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;

  @Test
  void requestsBeyondTheInFlightBoundAreShedWithE20() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "600s"), 1,
        o -> o.withLimits(1 << 20, 10_000, 60_000, 3))) {
      for (int i = 0; i < 3; i++) {
        assertThat(live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, i)).statusCode()).isEqualTo(200);
      }
      HttpResponse<String> shed = live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 3));
      assertThat(shed.statusCode()).isEqualTo(503);
      assertThat(DuisResponseParser.create().parse(shed.body().getBytes(StandardCharsets.UTF_8)).responseCode())
          .isEqualTo("E20");
      assertThat(live.status().get("dsp").get("inFlight").asInt()).isEqualTo(3);
      assertThat(live.adminGet("/metrics").body()).contains("smsim_dsp_requests_total{code=\"shed\",endpoint=\"serviceS\"} 1.0");
    }
  }

  @Test
  void undeliverableResponsesAreRetriedWithBackoffThenCountedAsUndeliverable() throws Exception {
    try (ClosedPort closed = new ClosedPort(); LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "1s"), 20,
        o -> o.withResponseUrl(URI.create("http://127.0.0.1:" + closed.port() + "/responses")))) {
      live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 0));
      await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(live.adminGet("/metrics").body())
          .contains("smsim_response_deliveries_total{result=\"undeliverable\"} 1.0"));
      assertThat(live.adminGet("/metrics").body())
          .contains("smsim_response_deliveries_total{result=\"retried\"} " + (ResponseDelivery.ATTEMPTS - 1) + ".0");
      assertThat(live.status().get("dsp").get("pendingDeliveries").asInt()).isZero();
    }
  }
}
