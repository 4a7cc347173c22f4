package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.DuisRequest;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisRequestParser;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.DuisSamples;
import io.smsim.duis.Endpoint;
import io.smsim.model.SrvCatalogue;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every public DUIS request sample in {@code ../shared/duis-samples}, POSTed to the endpoint of its
 * command variant, is acknowledged (HTTP 200, I99, its RequestID echoed) and its final response (I0,
 * ResponseID = RequestID reversed) reaches the response URL; a critical sample (command variant 4)
 * is answered I0 with a pre-command by the Transform Service and its signed pre-command (command
 * variant 5) is what is acknowledged and answered. Posted to another endpoint a sample is refused
 * with E13. Each sample is sent with a counter of its own, as a Service User would (the samples reuse
 * RequestIDs; a repeated one is a replay). Skipped where the samples folder is absent.
 */
class LiveSamplesConformanceTest {

  private static final String SCENARIO = """
      name: conformance
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: 1s
      regions: {north: {}, central: {}}
      devices:
        north: {ranges: ["00-DB-12-34-56-78-90-A0..00-DB-12-34-56-78-90-A7"]}
        central: {count: 10}
      """;
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestBuilder REQUESTS = DuisRequestBuilder.create(CATALOGUE);
  private static Path samples;

  /** Per test, so that without the samples each test is reported skipped with the reason (not "Tests run: 0"). */
  @BeforeEach
  void locateSamples() {
    samples = DuisSamples.folder();
  }

  @Test
  void everySampleIsAcknowledgedAtItsEndpointAndItsFinalResponseIsDelivered() throws Exception {
    DuisRequestParser parser = DuisRequestParser.create(CATALOGUE);
    DuisResponseParser responses = DuisResponseParser.create();
    List<DuisRequest> sent = new ArrayList<>();
    try (LiveFixture live = LiveFixture.start(SCENARIO, 20)) {
      long counter = System.currentTimeMillis();
      for (Path file : requestSamples()) {
        byte[] xml = DuisSamples.withCounter(Files.readString(file), ++counter).getBytes(StandardCharsets.UTF_8);
        DuisRequest request = parser.parseWellFormed(xml, 0, xml.length);
        Endpoint endpoint = Endpoint.forCommandVariant(request.commandVariant());
        HttpResponse<String> r = live.post(endpoint, xml);
        assertThat(r.statusCode()).as(file.getFileName().toString()).isEqualTo(200);
        if (request.commandVariant() == 4) {
          DuisResponse transformed = responses.parse(r.body().getBytes(StandardCharsets.UTF_8));
          assertThat(transformed.responseCode()).as(file.getFileName().toString()).isEqualTo("I0");
          assertThat(transformed.preCommand()).as(file.getFileName().toString()).isNotNull();
          byte[] pre = Base64.getDecoder().decode(transformed.preCommand());
          byte[] signed = Arrays.copyOf(pre, pre.length + 65);
          signed[pre.length] = 64; // a signature's length and 64 bytes: its value is the trust store's business
          r = live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(CATALOGUE.find(
              request.serviceReferenceVariant()).orElseThrow(), request.requestId(), 5,
              Base64.getEncoder().encodeToString(signed)));
        }
        DuisResponse ack = responses.parse(r.body().getBytes(StandardCharsets.UTF_8));
        assertThat(ack.responseCode()).as(file.getFileName().toString()).isEqualTo("I99");
        assertThat(ack.requestId()).isEqualTo(request.requestId());
        assertThat(ack.serviceReferenceVariant()).isEqualTo(request.serviceReferenceVariant());
        sent.add(request);
        for (Endpoint other : Endpoint.values()) {
          if (other != endpoint) {
            DuisResponse wrong = responses.parse(live.post(other, xml).body().getBytes(StandardCharsets.UTF_8));
            assertThat(wrong.responseCode()).as(file.getFileName() + " at " + other.path()).isEqualTo("E13");
          }
        }
      }
      assertThat(sent).hasSizeGreaterThanOrEqualTo(11);
      List<ResponseSink.Received> got = live.sink.await(sent.size(), 10_000);
      assertThat(got).hasSize(sent.size());
      assertThat(live.sink.unparsable()).isEmpty();
      for (DuisRequest request : sent) {
        assertThat(got).as("final response to %s %s", request.serviceReferenceVariant(), request.requestId())
            .anySatisfy(g -> {
              assertThat(g.response().requestId()).isEqualTo(request.requestId());
              assertThat(g.response().responseId()).isEqualTo(request.requestId().responseId());
              assertThat(g.response().serviceReferenceVariant()).isEqualTo(request.serviceReferenceVariant());
              assertThat(g.response().responseCode()).isEqualTo("I0");
            });
      }
    }
  }

  private static List<Path> requestSamples() throws IOException {
    return DuisSamples.files(samples, "_REQUEST_DUIS.XML");
  }
}
