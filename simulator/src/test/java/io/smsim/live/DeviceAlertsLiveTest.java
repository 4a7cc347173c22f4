package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.DccSchema;
import io.smsim.duis.Eui64;
import io.smsim.duis.xmldsig.CertificateValidity;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TestPki;
import io.smsim.duis.xmldsig.TrustStore;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Alerts live: the region's alert workload and an alert storm started and stopped from the admin
 * API reach the response URL as DUIS DeviceAlertMessage (real GBCS alert codes) and DCCAlertMessage
 * (AD1), signed with the DSP's key like final responses, from the region's own devices, each counted
 * in /metrics; a storm the live emulation cannot raise at its time scale is refused with HTTP 400.
 */
class DeviceAlertsLiveTest {

  private static final SigningCredential DSP = TestPki.credential(DeviceRegistry.DCC_BOXED_EUI64);
  private static final Pattern ALERT_CODE = Pattern.compile("<sr:AlertCode>([0-9A-F]{4})</sr:AlertCode>");
  private static final Pattern DEVICE = Pattern.compile("<sr:ResponseID>([0-9A-F-]{23}):");
  static final String SCENARIO = """
      name: alerts
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway: {serviceTime: {onDemand: 50ms, alerts: 20ms}}
      regions:
        north: {workload: {alerts: {perDay: 86400}}}
        central: {}
      devices: {north: {count: 50}, central: {count: 50}}
      """;

  @Test
  void workloadAndStormAlertsArriveSignedFromTheRegionsDevicesAndCounted() throws Exception {
    DuisVerifier trustDsp = DuisVerifier.create(TrustStore.of(List.of(DSP.certificate()), "test"),
        CertificateValidity.ENFORCE, Clock.systemUTC());
    try (LiveFixture live = LiveFixture.start(SCENARIO, 10,
        o -> o.withSignatures(new Signatures(null, DuisSigner.create(DSP))))) {
      // the workload: 1 alert per virtual second in north, 10 per real second
      List<ResponseSink.Received> workload = live.sink.await(20, 60_000);
      assertThat(workload).as(() -> "unparsable " + live.sink.unparsable() + "\n" + alertMetrics(live))
          .hasSizeGreaterThanOrEqualTo(20);
      assertThat(live.adminPost("/admin/faults", "{\"kind\":\"alert-storm\",\"region\":\"central\","
          + "\"ratePerSec\":2,\"devices\":5,\"alert\":\"power-outage\"}").statusCode()).isEqualTo(200);
      awaitBody(live, "<sr:DCCAlertCode>AD1</sr:DCCAlertCode>", 30, 60_000);
      assertThat(live.adminPost("/admin/faults", "{\"clear\":\"all\"}").statusCode()).isEqualTo(200);

      List<ResponseSink.Received> all = live.sink.received();
      int device = 0;
      int dcc = 0;
      for (ResponseSink.Received r : all) {
        String xml = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(r.response().isAlert()).as(xml).isTrue();
        assertThat(r.response().responseCode()).isEqualTo("I0");
        assertThat(r.response().responseId().target()).isEqualTo(LiveAlerts.RECIPIENT);
        assertThat(trustDsp.verify(r.body(), 0, r.body().length).eui64()).as("signed by the DSP")
            .isEqualTo(DeviceRegistry.DCC_BOXED_EUI64);
        if (xml.contains("DCCAlertMessage")) {
          dcc++;
          long hub = Eui64.parse(between(xml, "<sr:CommsHubDeviceID>", "</sr:CommsHubDeviceID>"));
          assertThat(live.emulator.devices().regionOf(hub)).isEqualTo(Region.CENTRAL);
          assertThat(hub).as("one of the storm's first 5 devices")
              .isBetween(live.emulator.devices().deviceAt(Region.CENTRAL, 0), live.emulator.devices().deviceAt(Region.CENTRAL, 4));
        } else {
          device++;
          Matcher code = ALERT_CODE.matcher(xml);
          assertThat(code.find()).as(xml).isTrue();
          assertThat(code.group(1)).isIn("8F57", "8F35", "8F3F", "8F1F", "810D", "8F0C");
          Matcher from = DEVICE.matcher(xml);
          assertThat(from.find()).isTrue();
          assertThat(live.emulator.devices().regionOf(Eui64.parse(from.group(1)))).isEqualTo(Region.NORTH);
        }
      }
      assertThat(device).isPositive();
      assertThat(dcc).isGreaterThanOrEqualTo(30);
      // every alert that passed the gateway is delivered and counted once: wait for those in flight to land
      String ad1 = "smsim_alerts_total{code=\"AD1\",outcome=\"success\",region=\"central\",source=\"storm\","
          + "type=\"power-outage\"}";
      long deadline = System.nanoTime() + 90_000_000_000L;
      double delivered;
      double raised;
      long received;
      int receivedBefore;
      do {
        receivedBefore = live.sink.received().size();
        delivered = live.metric("smsim_alert_deliveries_total{result=\"delivered\"}");
        raised = live.metric(ad1);
        all = live.sink.received();
        received = all.stream().filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains("<sr:DCCAlertCode>AD1<")).count();
      } while (raised != received && System.nanoTime() < deadline && sleep());
      // the workload goes on: the metric counts a delivery once the receiver answered, so it trails what the
      // sink had received before it was read by at most the exchanges in flight on the alerts' 16 connections
      assertThat(delivered).as("delivered metric vs alerts received")
          .isBetween(receivedBefore - 16.0, (double) all.size());
      assertThat(raised).as("AD1 raised past the gateway = AD1 received").isEqualTo(received);
    }
  }

  @Test
  void everyAlertIsValidAgainstTheDuisSchema() throws Exception {
    DccSchema schema = DccSchema.load();
    try (LiveFixture live = LiveFixture.start(SCENARIO, 10)) {
      assertThat(live.adminPost("/admin/faults", "{\"kind\":\"alert-storm\",\"region\":\"central\","
          + "\"ratePerSec\":2,\"devices\":50,\"alert\":\"power-outage\"}").statusCode()).isEqualTo(200);
      awaitBody(live, "DCCAlertMessage", 10, 60_000);
      awaitBody(live, "DeviceAlertMessage", 10, 60_000);
      for (ResponseSink.Received r : live.sink.received()) {
        assertThat(schema.problem(r.body())).as(new String(r.body(), StandardCharsets.UTF_8)).isEmpty();
      }
      String bad = new String(live.sink.received().get(0).body(), StandardCharsets.UTF_8)
          .replaceFirst("<sr:ResponseCode>I0</sr:ResponseCode>", "<sr:ResponseCode>I0</sr:ResponseCode><sr:X/>");
      assertThat(schema.problem(bad.getBytes(StandardCharsets.UTF_8))).as("the check can fail").isNotEmpty();
    }
  }

  @Test
  void aStormAboveTheLiveRateIsRefusedAndNothingStarts() throws Exception {
    try (LiveFixture live = LiveFixture.start("""
        name: quiet
        start: 2019-04-02T10:00
        end: 2019-04-02T12:00
        regions: {north: {}}
        """, 60)) {
      var r = live.adminPost("/admin/faults", "{\"kind\":\"alert-storm\",\"region\":\"north\",\"ratePerSec\":100}");
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(r.body()).contains("alert-storm rate 100/s at time scale 60 is 6000 alerts per real second");
      assertThat(live.region("north").get("faults")).isEmpty();
      var unknown = live.adminPost("/admin/faults", "{\"kind\":\"alert-storm\",\"region\":\"north\","
          + "\"alert\":\"meltdown\"}");
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(unknown.body()).contains("alert must be one of power-outage").contains("meltdown");
    }
  }

  static void awaitBody(LiveFixture live, String text, int n, long timeoutMillis) throws InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    long count = 0;
    while (System.nanoTime() < deadline) {
      count = live.sink.received().stream()
          .filter(r -> new String(r.body(), StandardCharsets.UTF_8).contains(text)).count();
      if (count >= n) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("only " + count + " callbacks with " + text + " within " + timeoutMillis + " ms\n"
        + alertMetrics(live) + live.log());
  }

  private static String alertMetrics(LiveFixture live) {
    try {
      StringBuilder b = new StringBuilder();
      for (String line : live.adminGet("/metrics").body().split("\n")) {
        if (line.startsWith("smsim_alert") || line.startsWith("smsim_response_deliveries")) {
          b.append(line).append('\n');
        }
      }
      return b.toString();
    } catch (Exception e) {
      return e.toString();
    }
  }

  private static boolean sleep() {
    try {
      Thread.sleep(50);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String between(String s, String a, String b) {
    int i = s.indexOf(a) + a.length();
    return s.substring(i, s.indexOf(b, i));
  }
}
