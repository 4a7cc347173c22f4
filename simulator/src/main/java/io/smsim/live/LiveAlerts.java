package io.smsim.live;

import io.smsim.duis.DuisResponseBuilder;
import io.smsim.duis.GbcsAlert;
import io.smsim.duis.RequestId;
import io.smsim.model.AlertType;
import io.smsim.model.Category;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Device and DCC alerts live: an alert raised in a region (its alert workload, or an alert storm of
 * the region model) goes through the region's routed gateway server as one {@link Category#ALERT}
 * message, as in the replay; one that gets through is sent to the response URL as a DUIS
 * {@code DeviceAlertMessage} (a device alert, with its real GBCS alert code and a GBCS alert
 * payload, {@link GbcsAlert}) or {@code DCCAlertMessage} (AD1, {@code PowerOutageEvent}), through
 * {@link ResponseDelivery#deliverAlert}: signed like final responses, bounded apart from them.
 * Every alert is counted in {@code smsim_alerts_total} with its gateway outcome.
 *
 * <p>Addressing: the ResponseID names the device (device alerts) or the DCC (DCC alerts) as business
 * originator, and as target {@link #RECIPIENT}, the Service User of DCC Boxed's reference test data
 * that smsim's load generator also speaks as; the counter is unique within the emulation. What is
 * simulated: the MPxN of a power outage (13 digits derived from the device's EUI-64) and the hub (the
 * device itself stands for its communications hub).
 *
 * <p>Called on a region's loop; building, signing and sending run on the DSP's loops.
 */
final class LiveAlerts {

  /** The Service User alerts are addressed to: DCC Boxed's reference supplier, 90-B3-D5-1F-30-01-00-00. */
  static final long RECIPIENT = 0x90B3_D51F_3001_0000L;

  private final DeviceRegistry devices;
  private final ResponseDelivery delivery;
  private final LiveMetrics metrics;
  private final Executor dsp;
  private final Clock wallClock;
  private final DuisResponseBuilder responses = DuisResponseBuilder.create();
  private final AtomicLong counter = new AtomicLong();

  LiveAlerts(DeviceRegistry devices, ResponseDelivery delivery, LiveMetrics metrics, Executor dsp, Clock wallClock) {
    this.devices = devices;
    this.delivery = delivery;
    this.metrics = metrics;
    this.dsp = dsp;
    this.wallClock = wallClock;
  }

  /**
   * Most alerts per real second one storm may raise live: a storm's virtual rate times the time
   * scale. Above it the emulation would spend its loops raising alerts rather than answering
   * requests, so such a storm is refused before it starts (admin API: HTTP 400; serve: exit 2).
   */
  static final double MAX_REAL_RATE_PER_SEC = 5_000;

  /** The metrics' outcome of an alert above the live rate (never raised). */
  static final String SHED = "shed-live-rate";

  /** Refuses an alert storm whose real rate at {@code timeScale} exceeds {@link #MAX_REAL_RATE_PER_SEC}. */
  static void checkRealRate(io.smsim.model.Fault fault, double timeScale) {
    if (fault instanceof io.smsim.model.Fault.AlertStorm storm && storm.ratePerSec() * timeScale > MAX_REAL_RATE_PER_SEC) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "alert-storm rate %s/s at time scale %s is %s "
          + "alerts per real second; at most %d live: lower the rate or the time scale", fmt(storm.ratePerSec()),
          fmt(timeScale), fmt(storm.ratePerSec() * timeScale), (long) MAX_REAL_RATE_PER_SEC));
    }
  }

  private static String fmt(double d) {
    return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
  }

  /** Where an alert came from, for the metrics. */
  enum Source {
    WORKLOAD, STORM;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Device {@code deviceIndex} of {@code c}'s region raised {@code type} now (on the region's loop). */
  void raise(LiveCluster c, AlertType type, long deviceIndex, Source source) {
    long device = devices.deviceAt(c.region, deviceIndex);
    if (device == -1) {
      return; // a region without devices raises nothing
    }
    if (!c.takeAlertToken()) {
      metrics.alert(c.region, type, source.label(), SHED);
      return;
    }
    c.server(c.ops.routedRole()).alert(outcome -> {
      c.attemptEnded(Category.ALERT, outcome);
      metrics.alert(c.region, type, source.label(), outcome.label());
      if (outcome == Outcome.SUCCESS) {
        dsp.execute(() -> delivery.deliverAlert(message(type, device)));
      }
    });
  }

  /** The DUIS message for {@code type} raised by {@code device} now. */
  byte[] message(AlertType type, long device) {
    long n = counter.incrementAndGet();
    Instant now = wallClock.instant();
    if (type.dcc()) {
      String mpxn = String.format(Locale.ROOT, "%013d", Long.remainderUnsigned(device, 10_000_000_000_000L));
      return responses.powerOutageAlert(new RequestId(devices.dccEui64(), RECIPIENT, n), device, now, mpxn, now);
    }
    GbcsAlert gbcs = new GbcsAlert(type.gbcsCode(), n, device, RECIPIENT, now);
    return responses.deviceAlert(new RequestId(device, RECIPIENT, n), gbcs, now);
  }
}
