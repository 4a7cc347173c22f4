package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.DccSchema;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.duis.Eui64;
import io.smsim.duis.RequestId;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer smsim serve gives and every callback it POSTs is valid against DCC's DUIS schema
 * ({@link DccSchema}: the XSD inside DCC's own signing and validation tool), for every SRV of the
 * catalogue at its endpoint: acknowledgements, Transform Service answers with their pre-commands,
 * acknowledgements of signed pre-commands, refusals (E12, E13, E19), and final responses I0, E20 (a
 * WAN outage) and E21 (devices that never answer). Skipped, with the reason, where DCC's package is
 * not installed.
 */
class AnswersAndCallbacksAreSchemaValidTest {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestBuilder REQUESTS = DuisRequestBuilder.create(CATALOGUE);
  private static final DuisResponseParser RESPONSES = DuisResponseParser.create();
  private static final long SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  private static final long RTDS_ESME = Eui64.parse("00-DB-12-34-56-78-90-A0");
  private static final String SCENARIO = """
      name: schema
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
          deviceLatency: 500ms
          responseTimeout: 5s
      regions:
        north: {gateway: {noResponseProbability: 0.3}}
        central: {}
      """;
  private static final io.smsim.duis.DuisRequest REQUESTS_PARSED = new io.smsim.duis.DuisRequest("5.4",
      new RequestId(SUPPLIER, RTDS_ESME, 1), 1, "4.1", "4.1.1", "ReadInstantaneousImportRegisters");
  private static DccSchema schema;

  @BeforeAll
  static void schema() {
    schema = DccSchema.load();
  }

  @Test
  void everyAnswerAndEveryCallbackForEverySrvIsValidAgainstTheDuisSchema() throws Exception {
    Map<String, String> invalid = new LinkedHashMap<>();
    Map<String, Integer> synchronousByCode = new LinkedHashMap<>();
    int acknowledged = 0;
    long counter = 1000;
    try (LiveFixture live = LiveFixture.start(SCENARIO, 60)) {
      assertThat(live.adminPost("/admin/faults", "{\"kind\":\"wan-outage\",\"region\":\"central\"}").statusCode())
          .isEqualTo(200);
      List<Srv> srvs = new ArrayList<>(CATALOGUE.all());
      for (int i = 0; i < srvs.size(); i++) {
        Srv srv = srvs.get(i);
        long target = srv.nonDevice() ? DeviceRegistry.DCC_BOXED_EUI64
            : i % 2 == 0 ? RTDS_ESME : DeviceRegistry.generated(Region.CENTRAL, i);
        RequestId id = new RequestId(SUPPLIER, target, ++counter);
        int cv = srv.defaultCommandVariant();
        byte[] request = REQUESTS.build(srv, id, cv);
        HttpResponse<String> r = check(live.post(Endpoint.forCommandVariant(cv), request), srv + " cv " + cv,
            invalid, synchronousByCode);
        if (cv == 4) {
          byte[] pre = Base64.getDecoder().decode(RESPONSES.parse(bytes(r)).preCommand());
          byte[] signed = Arrays.copyOf(pre, pre.length + 65);
          signed[pre.length] = 64;
          r = check(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(srv, id, 5,
              Base64.getEncoder().encodeToString(signed))), srv + " cv 5", invalid, synchronousByCode);
          check(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(srv, id, 5,
              Base64.getEncoder().encodeToString(signed))), srv + " cv 5 again", invalid, synchronousByCode);
        }
        if (RESPONSES.parse(bytes(r)).isAcknowledgement()) {
          acknowledged++;
        }
        check(live.post(cv == 1 ? Endpoint.TRANSFORM : Endpoint.NON_DEVICE.accepts(cv) ? Endpoint.SEND_COMMAND
            : Endpoint.NON_DEVICE, request), srv + " at the wrong endpoint", invalid, synchronousByCode);
        if (!srv.nonDevice()) {
          check(live.post(Endpoint.forCommandVariant(cv), REQUESTS.build(srv, new RequestId(SUPPLIER,
              Eui64.parse("00-DB-00-00-00-00-00-01"), ++counter), cv)), srv + " unknown device", invalid,
              synchronousByCode);
        }
      }
      List<ResponseSink.Received> callbacks = live.sink.await(acknowledged, 60_000);
      assertThat(callbacks).hasSize(acknowledged);
      Map<String, Integer> finalByCode = new LinkedHashMap<>();
      for (ResponseSink.Received c : callbacks) {
        finalByCode.merge(c.response().responseCode(), 1, Integer::sum);
        String problem = schema.problem(c.body());
        if (!problem.isEmpty()) {
          invalid.put("callback " + c.response().serviceReferenceVariant() + " " + c.response().responseCode(),
              problem);
        }
      }
      System.out.printf("DUIS schema (%s): %d synchronous answers %s, %d callbacks %s, invalid %d%n", schema.jar(),
          synchronousByCode.values().stream().mapToInt(Integer::intValue).sum(), synchronousByCode, callbacks.size(),
          finalByCode, invalid.size());
      assertThat(invalid).as("documents the DUIS schema rejects").isEmpty();
      assertThat(synchronousByCode).containsKeys("I99", "I0", "E12", "E13", "E19");
      assertThat(finalByCode).containsKeys("I0", "E20", "E21");
      assertThat(live.sink.unparsable()).isEmpty();
    }
  }

  @Test
  void theSchemaRejectsAResponseDuisForbids() {
    DuisResponseBuilder b = DuisResponseBuilder.create();
    byte[] ack = b.acknowledgement(REQUESTS_PARSED, java.time.Instant.parse("2019-04-02T10:24:00Z"));
    assertThat(schema.problem(ack)).isEmpty();
    String text = new String(ack, StandardCharsets.UTF_8);
    assertThat(schema.problem(text.replace(">I99<", ">X99<").getBytes(StandardCharsets.UTF_8)))
        .as("unknown response code").isNotEmpty();
    assertThat(schema.problem(text.replaceAll("<sr:ServiceReferenceVariant>[^<]*</sr:ServiceReferenceVariant>", "")
        .getBytes(StandardCharsets.UTF_8))).as("no ServiceReferenceVariant").isNotEmpty();
    assertThat(schema.problem(text.replace("<sr:ResponseMessage>", "<sr:ResponseMessage><sr:Extra/>")
        .replace("</sr:ResponseMessage>", "</sr:ResponseMessage>").getBytes(StandardCharsets.UTF_8)))
        .as("an element DUIS does not define").isNotEmpty();
  }

  private static HttpResponse<String> check(HttpResponse<String> r, String what, Map<String, String> invalid,
      Map<String, Integer> byCode) throws Exception {
    DuisResponse answer = RESPONSES.parse(bytes(r));
    byCode.merge(answer.responseCode(), 1, Integer::sum);
    String problem = schema.problem(bytes(r));
    if (!problem.isEmpty()) {
      invalid.put(what + " -> " + answer.responseCode(), problem);
    }
    return r;
  }

  private static byte[] bytes(HttpResponse<String> r) {
    return r.body().getBytes(StandardCharsets.UTF_8);
  }
}
