package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.duis.Endpoint;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The admin API: status, fault injection and clearing, restarts and failovers, each acting on the live model. */
class AdminApiTest {

  private static final String SCENARIO = """
      name: admin
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: DEVICE
        failover: {policy: hardware-only, interval: 2s, failureThreshold: 2, switchover: 4s}
        operator: {restartDowntime: 5s, repairTime: 1h}
      regions: {north: {}, central: {}}
      devices: {north: {count: 10}, central: {count: 10}}
      """;
  /** How long a test waits for a condition on a loaded machine before it fails. */
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void statusDescribesEveryRegionAndServer() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "1s"), 10)) {
      JsonNode s = live.status();
      assertThat(s.get("scenario").asText()).isEqualTo("admin");
      assertThat(s.get("timeScale").asDouble()).isEqualTo(10);
      assertThat(s.get("dsp").get("port").asInt()).isEqualTo(live.emulator.dspPort());
      assertThat(s.get("regions")).hasSize(2);
      JsonNode north = live.region("north");
      assertThat(north.get("policy").asText()).isEqualTo("hardware-only");
      assertThat(north.get("active").asText()).isEqualTo("primary");
      assertThat(north.get("servers")).hasSize(2);
      assertThat(north.get("servers").get(0).get("port").asInt())
          .isEqualTo(live.emulator.gatewayPort(Region.NORTH, ServerRole.PRIMARY));
      assertThat(north.get("servers").get(0).get("processLimit").asInt()).isEqualTo(30_000);
    }
  }

  @Test
  void faultsAreInjectedListedAndCleared() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "1s"), 10)) {
      HttpResponse<String> r = live.adminPost("/admin/faults",
          "{\"kind\":\"leak\",\"region\":\"north\",\"server\":\"primary\",\"probability\":0.25}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      int id = json.readTree(r.body()).get("id").asInt();
      JsonNode north = live.region("north");
      assertThat(north.get("servers").get(0).get("leakProbability").asDouble()).isEqualTo(0.25);
      assertThat(north.get("servers").get(1).get("leakProbability").asDouble()).isZero();
      assertThat(north.get("faults").get(0).get("id").asInt()).isEqualTo(id);
      assertThat(north.get("faults").get(0).get("source").asText()).isEqualTo("admin");

      assertThat(live.adminPost("/admin/faults", "{\"kind\":\"broker-rtt\",\"region\":\"north\",\"addMs\":250}")
          .statusCode()).isEqualTo(200);
      assertThat(live.region("north").get("brokerAddMs").asLong()).isEqualTo(250);

      assertThat(live.adminPost("/admin/faults", "{\"clear\":" + id + "}").statusCode()).isEqualTo(200);
      assertThat(live.region("north").get("servers").get(0).get("leakProbability").asDouble()).isZero();
      assertThat(live.adminPost("/admin/faults", "{\"clear\":" + id + "}").statusCode()).isEqualTo(400);
      assertThat(json.readTree(live.adminPost("/admin/faults", "{\"clear\":\"all\"}").body()).get("cleared").asInt())
          .isEqualTo(1);
      assertThat(live.region("north").get("brokerAddMs").asLong()).isZero();
      assertThat(live.log()).contains("fault-start primary (leak #" + id).contains("fault-end");
    }
  }

  @Test
  void badAdminRequestsAreRefusedWithTheReason() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "1s"), 10)) {
      for (List<String> c : List.of(
          List.of("{\"kind\":\"meltdown\",\"region\":\"north\"}", "kind must be one of"),
          List.of("{\"kind\":\"leak\",\"region\":\"north\",\"probability\":1.5}", "probability must be in [0, 1]: 1.5"),
          List.of("{\"kind\":\"leak\",\"region\":\"north\",\"probabilty\":0.1}", "unknown field probabilty"),
          List.of("{\"kind\":\"leak\"}", "region is required"),
          List.of("{\"kind\":\"leak\",\"region\":\"south\"}", "region is not in the scenario: south"),
          List.of("{\"kind\":\"wan-outage\",\"region\":\"north\",\"server\":\"primary\"}", "server does not apply"),
          List.of("not json", "not valid JSON"),
          List.of("", "a JSON object body is required"))) {
        HttpResponse<String> r = live.adminPost("/admin/faults", c.get(0));
        assertThat(r.statusCode()).as(c.get(0)).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("error").asText()).as(c.get(0)).contains(c.get(1));
      }
      assertThat(live.adminGet("/admin/faults").statusCode()).isEqualTo(405);
      assertThat(live.adminGet("/admin/nothing").statusCode()).isEqualTo(404);
      assertThat(live.adminPost("/admin/restart", "{\"region\":\"north\",\"server\":\"third\"}").statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void restartLosesTheRequestsInFlightEachWithOneFinalResponse() throws Exception {
    // devices answer after 600 s virtual = 60 s real: the requests are still in flight at the restart
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "600s"), 10)) {
      for (int i = 0; i < 5; i++) {
        assertThat(live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, i)).statusCode()).isEqualTo(200);
      }
      awaitInFlight(live, "north", 5);
      HttpResponse<String> r = live.adminPost("/admin/restart", "{\"region\":\"north\"}");
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      List<ResponseSink.Received> got = live.sink.await(5, 30_000);
      assertThat(got).hasSize(5).allSatisfy(g -> assertThat(g.response().responseCode()).isEqualTo("E20"));
      assertThat(live.log()).contains("restart primary (admin API, lost 5)");
      // down for restartDowntime (5 s virtual), then up again: judged on the timeline's virtual times
      await().atMost(WAIT).until(() -> eventAt(live, "back-up") != null);
      assertThat(Duration.between(eventAt(live, "restart"), eventAt(live, "back-up")))
          .as("restart -> back-up, virtual").isGreaterThanOrEqualTo(Duration.ofSeconds(5));
      await().atMost(WAIT).untilAsserted(() ->
          assertThat(live.region("north").get("servers").get(0).get("state").asText()).isEqualTo("up"));
      assertThat(live.sink.received()).as("one final response each, none after the restart").hasSize(5);
    }
  }

  /** The virtual time of the first North primary event of {@code kind}, or null. */
  private static Instant eventAt(LiveFixture live, String kind) {
    return live.emulator.events().stream()
        .filter(e -> e.region().equals("north") && e.server().equals("primary") && e.kind().equals(kind))
        .map(e -> Instant.parse(e.at())).findFirst().orElse(null);
  }

  @Test
  void hardwareFailureClosesThePortAndHardwareOnlyFailsOver() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "600s"), 10)) {
      for (int i = 0; i < 3; i++) {
        live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, i));
      }
      awaitInFlight(live, "north", 3);
      int port = live.emulator.gatewayPort(Region.NORTH, ServerRole.PRIMARY);
      HttpResponse<String> r = live.adminPost("/admin/faults",
          "{\"kind\":\"hardware-failure\",\"region\":\"north\",\"server\":\"primary\"}");
      int id = json.readTree(r.body()).get("id").asInt();
      assertThat(live.sink.await(3, 30_000)).hasSize(3)
          .allSatisfy(g -> assertThat(g.response().responseCode()).isEqualTo("E20"));
      assertThat(refuses(port)).as("primary port refuses connections").isTrue();
      // heartbeats every 2 s virtual (200 ms real), 2 lost -> failover, switchover 4 s virtual
      awaitActive(live, "north", "secondary");
      assertThat(live.log()).contains("failover primary (heartbeat-lost -> secondary");
      assertThat(live.region("central").get("failovers").asInt()).isZero();

      live.adminPost("/admin/faults", "{\"clear\":" + id + "}");
      await("primary port answers again after repair").atMost(WAIT).pollInterval(Duration.ofMillis(20))
          .until(() -> !refuses(port));
    }
  }

  @Test
  void grayFailureFailsRequestsWhileTheServerLooksAlive() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "1s"), 10)) {
      live.adminPost("/admin/faults", "{\"kind\":\"gray-failure\",\"region\":\"north\",\"failureProbability\":1}");
      for (int i = 0; i < 5; i++) {
        live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, i));
      }
      assertThat(live.sink.await(5, 30_000)).hasSize(5)
          .allSatisfy(g -> assertThat(g.response().responseCode()).isEqualTo("E20"));
      JsonNode north = live.region("north");
      assertThat(north.get("servers").get(0).get("outcomes").get("gateway_error").asLong()).isEqualTo(5);
      assertThat(north.get("failovers").asInt()).as("hardware-only ignores gray failure").isZero();
    }
  }

  @Test
  void manualFailoverSwitchesTheActiveServer() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO.replace("DEVICE", "1s"), 10)) {
      HttpResponse<String> r = live.adminPost("/admin/failover", "{\"region\":\"central\"}");
      assertThat(json.readTree(r.body()).get("started").asBoolean()).isTrue();
      assertThat(live.region("central").get("switching").asBoolean()).isTrue();
      awaitActive(live, "central", "secondary");
      live.post(Endpoint.SEND_COMMAND, live.read(Region.CENTRAL, 1));
      assertThat(live.sink.await(1, 30_000)).singleElement()
          .satisfies(g -> assertThat(g.response().responseCode()).isEqualTo("I0"));
      assertThat(live.region("central").get("servers").get(1).get("outcomes").get("success").asLong()).isEqualTo(1);
    }
  }

  private static boolean refuses(int port) throws Exception {
    try {
      new Socket("127.0.0.1", port).close();
      return false;
    } catch (ConnectException e) {
      return true;
    }
  }

  private static void awaitInFlight(LiveFixture live, String region, int n) {
    await().atMost(WAIT).untilAsserted(() ->
        assertThat(live.region(region).get("servers").get(0).get("inFlight").asInt()).isEqualTo(n));
  }

  private static void awaitActive(LiveFixture live, String region, String role) {
    await().atMost(WAIT).untilAsserted(() -> assertThat(live.region(region).get("active").asText()).isEqualTo(role));
  }
}
