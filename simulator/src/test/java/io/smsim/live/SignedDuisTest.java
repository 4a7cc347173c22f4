package io.smsim.live;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.duis.xmldsig.CertificateValidity;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TestPki;
import io.smsim.duis.xmldsig.TrustStore;
import io.smsim.model.Region;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code smsim serve} with a trust store authenticates every request by its XML signature: a
 * request signed by its originator's trusted key is acknowledged and its final response arrives
 * signed with the DSP's key; one altered after signing, unsigned, signed by an unknown key or by
 * another user's key is refused with E1 and never gets a final response. Without a trust store the
 * same unsigned request is acknowledged.
 */
class SignedDuisTest {

  private static final String SCENARIO = """
      name: signed
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
          deviceLatency: 100ms
      regions: {north: {}}
      devices:
        north: {count: 10}
      """;
  private static final long DCC = 0x90B3_D51F_3000_0002L;
  private static final SigningCredential USER = TestPki.credential(LiveFixture.ORIGINATOR);
  private static final SigningCredential OTHER_USER = TestPki.credential(0x90B3_D51F_3002_0000L);
  private static final SigningCredential DSP = TestPki.credential(DCC);
  private static final DuisResponseParser RESPONSES = DuisResponseParser.create();

  private static LiveFixture serve(TrustStore trust) throws InterruptedException {
    Signatures s = new Signatures(trust == null ? null
        : DuisVerifier.create(trust, CertificateValidity.ENFORCE, Clock.systemUTC()), DuisSigner.create(DSP));
    return LiveFixture.start(SCENARIO, 60, o -> o.withSignatures(s));
  }

  private static String code(HttpResponse<String> r) throws Exception {
    return RESPONSES.parse(r.body().getBytes(UTF_8)).responseCode();
  }

  @Test
  void onlyRequestsSignedByTheirOriginatorsTrustedKeyAreAcknowledgedAndTheirResponsesAreSigned() throws Exception {
    TrustStore trust = TrustStore.of(List.of(USER.certificate(), OTHER_USER.certificate()), "test");
    try (LiveFixture live = serve(trust)) {
      DuisSigner user = DuisSigner.create(USER);
      String signed = new String(user.sign(live.read(Region.NORTH, 1)), UTF_8);
      String counter = signed.substring(signed.indexOf("</sr:RequestID>") - 4, signed.indexOf("</sr:RequestID>"));
      byte[] altered = signed.replace(counter + "</sr:RequestID>", "9999</sr:RequestID>").getBytes(UTF_8);
      byte[] unsigned = live.read(Region.NORTH, 2);
      byte[] unknownKey = DuisSigner.create(TestPki.credential(LiveFixture.ORIGINATOR)).sign(live.read(Region.NORTH, 3));
      byte[] otherUsersKey = DuisSigner.create(OTHER_USER).sign(live.read(Region.NORTH, 4));

      for (byte[] refused : List.of(altered, unsigned, unknownKey, otherUsersKey)) {
        HttpResponse<String> r = live.post(Endpoint.SEND_COMMAND, refused);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(code(r)).isEqualTo("E1");
      }
      HttpResponse<String> ok = live.post(Endpoint.SEND_COMMAND, signed.getBytes(UTF_8));
      assertThat(code(ok)).isEqualTo("I99");

      List<ResponseSink.Received> got = live.sink.await(1, 10_000);
      assertThat(got).hasSize(1);
      DuisResponse response = got.get(0).response();
      assertThat(response.responseCode()).isEqualTo("I0");
      assertThat(response.requestId().format()).isEqualTo(signed.substring(signed.indexOf("<sr:RequestID>") + 14,
          signed.indexOf("</sr:RequestID>")));
      byte[] body = got.get(0).body();
      DuisVerifier dspTrust = DuisVerifier.create(TrustStore.of(List.of(DSP.certificate()), "dsp"),
          CertificateValidity.ENFORCE, Clock.systemUTC());
      assertThat(dspTrust.verify(body, 0, body.length).eui64()).isEqualTo(DCC);

      // the slot is freed when serve's delivery client has the sink's answer, a moment after the sink has the response
      await("the delivered request's slot freed").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
          assertThat(live.adminGet("/metrics").body()).contains("smsim_dsp_in_flight_requests 0.0"));
      String metrics = live.adminGet("/metrics").body();
      assertThat(metrics).contains("smsim_dsp_requests_total{code=\"E1\",endpoint=\"serviceS\"} 4.0")
          .contains("smsim_dsp_signature_refusals_total{reason=\"digest_mismatch\"} 1.0")
          .contains("smsim_dsp_signature_refusals_total{reason=\"missing\"} 1.0")
          .contains("smsim_dsp_signature_refusals_total{reason=\"unknown_certificate\"} 1.0")
          .contains("smsim_dsp_signature_refusals_total{reason=\"signer_not_originator\"} 1.0")
          .contains("smsim_dsp_in_flight_requests 0.0")
          .contains("smsim_signed_responses_total 1.0");
      assertThat(live.sink.received()).hasSize(1);
    }
  }

  @Test
  void withoutATrustStoreNothingIsVerified() throws Exception {
    try (LiveFixture live = serve(null)) {
      assertThat(code(live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, 2)))).isEqualTo("I99");
      assertThat(live.sink.await(1, 10_000)).hasSize(1);
    }
  }
}
