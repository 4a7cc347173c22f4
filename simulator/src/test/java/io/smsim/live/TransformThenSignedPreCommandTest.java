package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisResponse;
import io.smsim.duis.DuisResponseParser;
import io.smsim.duis.Endpoint;
import io.smsim.duis.Eui64;
import io.smsim.duis.RequestId;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Transform Service end to end, as DCC Boxed's own client drives it: a critical request
 * (command variant 4) posted to serviceT is answered at once with I0 and a GBCS pre-command whose
 * grouping header a client can sign; the client signs it and sends it back as a command variant 5
 * {@code SignedPreCommand} to serviceS, which is acknowledged (I99) and answered (I0) like any
 * device command. A signed pre-command with no transform behind it, with an altered pre-command, or
 * sent a second time is refused (E12) and gets no callback.
 */
class TransformThenSignedPreCommandTest {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestBuilder REQUESTS = DuisRequestBuilder.create(CATALOGUE);
  private static final DuisResponseParser RESPONSES = DuisResponseParser.create();
  private static final long SUPPLIER = Eui64.parse("90-B3-D5-1F-30-01-00-00");
  private static final long RTDS_ESME = Eui64.parse("00-DB-12-34-56-78-90-A0");
  private static final long RTDS_GSME = Eui64.parse("00-DB-12-34-56-78-90-A1");
  private static final String SCENARIO = """
      name: transform
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
          deviceLatency: 200ms
      regions: {north: {}, central: {}}
      """;
  private static final SecureRandom RANDOM = seeded();
  private static KeyPair supplierKey;

  /** A seeded generator: a test key needs no entropy, and a loaded machine's pool must not stall the test. */
  private static SecureRandom seeded() {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(20190402L);
      return r;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeAll
  static void supplierKey() throws GeneralSecurityException {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    supplierKey = g.generateKeyPair();
  }

  @Test
  void aCriticalRequestIsTransformedSignedAndAnswered() throws Exception {
    Srv commission = CATALOGUE.find("8.1.1").orElseThrow();
    try (LiveFixture live = LiveFixture.start(SCENARIO, 60)) {
      for (long[] target : new long[][] {{RTDS_ESME, 0x0062}, {RTDS_GSME, 0x007F}}) {
        RequestId id = new RequestId(SUPPLIER, target[0], System.currentTimeMillis());
        Instant before = Instant.now().minusSeconds(1);
        HttpResponse<String> t = live.post(Endpoint.TRANSFORM, REQUESTS.build(commission, id, 4));
        assertThat(t.statusCode()).isEqualTo(200);
        DuisResponse answer = RESPONSES.parse(t.body().getBytes(StandardCharsets.UTF_8));
        assertThat(answer.responseCode()).isEqualTo("I0");
        assertThat(answer.requestId()).isEqualTo(id);
        assertThat(answer.serviceReferenceVariant()).isEqualTo("8.1.1");
        assertThat(t.body()).contains("<sr:PreCommand><sr:GBCSVersion>4.1</sr:GBCSVersion><sr:GBCSPayload>");
        byte[] pre = Base64.getDecoder().decode(answer.preCommand());
        ByteBuffer h = ByteBuffer.wrap(pre);
        assertThat(h.get() & 0xFF).as("general signing").isEqualTo(0xDF);
        assertThat(h.get()).as("transaction id length").isEqualTo((byte) 9);
        assertThat(h.get()).as("message category: command").isEqualTo((byte) 1);
        assertThat(h.getLong()).as("originator counter = RequestID counter").isEqualTo(id.counter());
        assertThat(h.get()).isEqualTo((byte) 8);
        assertThat(h.getLong()).as("originator").isEqualTo(SUPPLIER);
        assertThat(h.get()).isEqualTo((byte) 8);
        assertThat(h.getLong()).as("recipient").isEqualTo(target[0]);
        assertThat(h.get()).as("date-time length").isEqualTo((byte) 12);
        Instant at = LocalDateTime.of(h.getShort(), h.get(), h.get(), 0, 0).plusDays(0).withHour(h.get(h.position() + 1))
            .withMinute(h.get(h.position() + 2)).withSecond(h.get(h.position() + 3)).toInstant(ZoneOffset.UTC);
        assertThat(at).isBetween(before.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), Instant.now());
        h.position(h.position() + 8);
        assertThat(h.get()).as("other information length").isEqualTo((byte) 2);
        assertThat(h.getShort() & 0xFFFF).as("message code of ECS70 / GCS28").isEqualTo((int) target[1]);
        int contentLength = h.get();
        assertThat(h.remaining()).isEqualTo(contentLength);

        byte[] signed = sign(pre);
        HttpResponse<String> s = live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(commission, id, 5,
            Base64.getEncoder().encodeToString(signed)));
        assertThat(s.statusCode()).isEqualTo(200);
        assertThat(RESPONSES.parse(s.body().getBytes(StandardCharsets.UTF_8)).responseCode()).isEqualTo("I99");
      }
      var got = live.sink.await(2, 10_000);
      assertThat(got).hasSize(2).allSatisfy(g -> {
        assertThat(g.response().responseCode()).isEqualTo("I0");
        assertThat(g.response().serviceReferenceVariant()).isEqualTo("8.1.1");
      });
    }
  }

  @Test
  void aSignedPreCommandWithNoTransformAlteredOrReplayedIsRefusedWithoutCallback() throws Exception {
    Srv join = CATALOGUE.find("8.7.1").orElseThrow();
    try (LiveFixture live = LiveFixture.start(SCENARIO, 60)) {
      RequestId never = new RequestId(SUPPLIER, RTDS_ESME, 7);
      byte[] forged = sign(new byte[] {(byte) 0xDF, 9, 1, 0, 0, 0, 0, 0, 0, 0, 7});
      assertThat(code(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(join, never, 5,
          Base64.getEncoder().encodeToString(forged))))).as("no transform").isEqualTo("E12");

      RequestId id = new RequestId(SUPPLIER, RTDS_ESME, 8);
      byte[] pre = Base64.getDecoder().decode(RESPONSES.parse(live.post(Endpoint.TRANSFORM,
          REQUESTS.build(join, id, 4)).body().getBytes(StandardCharsets.UTF_8)).preCommand());
      for (int at : new int[] {3, 30, pre.length - 1}) { // counter, date-time, content
        byte[] altered = Arrays.copyOf(pre, pre.length);
        altered[at] ^= 1;
        assertThat(code(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(join, id, 5,
            Base64.getEncoder().encodeToString(sign(altered)))))).as("byte %d altered", at).isEqualTo("E12");
      }
      assertThat(code(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(join, id, 5,
          Base64.getEncoder().encodeToString(pre))))).as("no signature").isEqualTo("E12");
      String good = Base64.getEncoder().encodeToString(sign(pre));
      assertThat(code(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(join, id, 5, good))))
          .as("the real one, after the refusals").isEqualTo("I99");
      assertThat(code(live.post(Endpoint.SEND_COMMAND, REQUESTS.buildSignedPreCommand(join, id, 5, good))))
          .as("sent again").isEqualTo("E12");
      assertThat(live.sink.await(1, 10_000)).hasSize(1);
      // The slot is released once the sink's 200 reaches serve, just after the sink has the callback.
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(live.status().get("dsp").get("inFlight").asInt()).as("nothing else awaits an outcome").isZero());
      assertThat(live.sink.received()).as("only the accepted one is answered").hasSize(1);
    }
  }

  private static String code(HttpResponse<String> r) throws Exception {
    return RESPONSES.parse(r.body().getBytes(StandardCharsets.UTF_8)).responseCode();
  }

  /** What DCC Boxed's client does: ECDSA P-256 / SHA-256 over the pre-command after the DF tag, r || s appended. */
  private static byte[] sign(byte[] preCommand) throws GeneralSecurityException {
    Signature ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
    ecdsa.initSign(supplierKey.getPrivate(), RANDOM);
    ecdsa.update(preCommand, 1, preCommand.length - 1);
    byte[] sig = ecdsa.sign();
    byte[] out = Arrays.copyOf(preCommand, preCommand.length + 1 + sig.length);
    out[preCommand.length] = (byte) sig.length;
    System.arraycopy(sig, 0, out, preCommand.length + 1, sig.length);
    return out;
  }
}
