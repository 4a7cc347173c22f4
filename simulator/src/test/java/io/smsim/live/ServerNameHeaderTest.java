package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.duis.Endpoint;
import io.smsim.model.Region;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * {@code smsim serve --server-name NAME} names the instance in {@value LiveOptions#SERVER_HEADER}
 * on every answer of the DUIS port (acknowledgements, health, HTTP errors, oversized bodies), so
 * that a client behind a load balancer sees which instance answered; without it there is no header.
 */
class ServerNameHeaderTest {

  private static final String SCENARIO = """
      name: named
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway: {processLimit: 100, serviceTime: {install: 10ms, onDemand: 10ms, firmware: 10ms}}
      regions: {north: {}}
      devices: {north: {count: 10}}
      """;

  @Test
  void everyAnswerOfANamedInstanceCarriesItsName() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 10, o -> o.withServerName("primary")
        .withLimits(16 * 1024, 10_000, 60_000, 20_000))) {
      HttpResponse<String> ack = live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 1));
      assertThat(ack.body()).contains("I99");
      assertThat(ack.headers().firstValue(LiveOptions.SERVER_HEADER)).hasValue("primary");
      HttpClient http = HttpClient.newHttpClient();
      for (String path : new String[] {"/health", "/nowhere"}) {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(live.dsp(Endpoint.SEND_COMMAND).resolve(path)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(r.headers().firstValue(LiveOptions.SERVER_HEADER)).as(path + " " + r.statusCode())
            .hasValue("primary");
      }
      HttpResponse<String> tooBig = live.post(Endpoint.SEND_COMMAND, new byte[32 * 1024]);
      assertThat(tooBig.statusCode()).isEqualTo(413);
      assertThat(tooBig.headers().firstValue(LiveOptions.SERVER_HEADER)).hasValue("primary");
    }
  }

  @Test
  void anUnnamedInstanceSendsNoNameAndANameMustBeAHeaderValueToken() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 10)) {
      HttpResponse<String> ack = live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 1));
      assertThat(ack.headers().firstValue(LiveOptions.SERVER_HEADER)).isEmpty();
    }
    assertThatThrownBy(() -> LiveOptions.defaults(1).withServerName("two words"))
        .hasMessageContaining("--server-name");
  }
}
