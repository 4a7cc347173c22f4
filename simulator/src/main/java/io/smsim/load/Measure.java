package io.smsim.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.model.FailoverPolicy;
import io.smsim.scenario.Scenario;
import java.io.FileNotFoundException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

/**
 * Computes a failover-bench run's {@link BenchMeasures}: the onset and recovery of the faulted
 * region's outage ({@link Outage}, the one definition both benches use) from its per-tenth series
 * and per-second end-to-end histograms (read back from the run's {@code results.hlog}), and the
 * failover controller's decision and switchover from the emulation's event log (each event's
 * virtual time mapped to real time on the load's clock).
 */
final class Measure {

  private final FailoverBench.Plan plan;
  private final LoadResult result;
  private final int slot;
  private final double faultAt;
  private final Map<Integer, Histogram> e2eBySecond;
  private final List<BenchMeasures.Event> events = new ArrayList<>();

  private Measure(FailoverBench.Plan plan, LoadResult result, double faultAt, Map<Integer, Histogram> e2eBySecond) {
    this.plan = plan;
    this.result = result;
    this.slot = plan.fault().region().ordinal();
    this.faultAt = faultAt;
    this.e2eBySecond = e2eBySecond;
  }

  static BenchMeasures of(FailoverBench.Plan plan, Scenario scenario, LoadResult result, FailoverBench.Drill drill,
      JsonNode status, FailoverBench.RealTime real, Path hlog) {
    long t0 = drill.startNanos;
    String region = plan.fault().region().key();
    Measure m = new Measure(plan, result, (drill.faultNanos.get() - t0) / 1e9,
        histograms(hlog, "e2e." + region, result.setup().wallStart().toEpochMilli()));
    for (JsonNode e : status.path("events")) {
      if (region.equals(e.path("region").asText())) {
        double t = (real.of(Instant.parse(e.path("at").asText())) - t0) / 1e9;
        m.events.add(new BenchMeasures.Event(t, e.path("kind").asText(), e.path("server").asText(),
            e.path("detail").asText()));
      }
    }
    return m.measure(lostInFlight(status, region), scenario.regions().get(plan.fault().region()).failover());
  }

  private BenchMeasures measure(long lostInFlight, FailoverPolicy policy) {
    double decision = after("failover", 0);
    double switchover = Double.isNaN(decision) ? Double.NaN : after("switchover-complete", decision) - decision;
    double restart = after("restart", 0);
    int failovers = (int) events.stream().filter(e -> e.kind().equals("failover") && e.t() >= faultAt).count();
    int n = (int) Math.ceil(result.setup().durationSeconds());
    Outage.Result o = Outage.of(Outage.region(result.series().perSecond(), slot), e2eBySecond, faultAt, n,
        new RecoveryCriteria(plan.recoverySuccessRatio(), plan.recoveryP99Factor(), plan.recoverySeconds()));
    double onset = o.onset();
    double recovery = o.recovery();
    double k = plan.timeScale() * 1e9;
    double configuredDetect = policy.intervalNanos() * (double) policy.failureThreshold() / k;
    double configuredSwitchover = policy.switchoverNanos() / k;
    double detect = decision - onset;
    Boolean within = Double.isNaN(decision) || Double.isNaN(switchover) ? null
        : detect <= configuredDetect + policy.intervalNanos() / k + 0.25 && switchover <= configuredSwitchover + 0.25;
    return new BenchMeasures(faultAt, onset, decision, detect, switchover, restart, failovers, o.failed(),
        result.series().regionTotals(slot)[SecondSeries.SENT], result.accounting().lost(),
        result.accounting().duplicated(), lostInFlight, recovery,
        resolvedBy(onset, recovery, decision, switchover, restart), configuredDetect, configuredSwitchover, within,
        o.baselineSuccess(), o.baselineP99Ms(), List.copyOf(events));
  }

  /** The interval log's histograms tagged {@code tag}, by the run second they end. */
  static Map<Integer, Histogram> histograms(Path hlog, String tag, long wallStartMillis) {
    Map<Integer, Histogram> bySecond = new HashMap<>();
    try {
      HistogramLogReader reader = new HistogramLogReader(hlog.toFile());
      for (EncodableHistogram e = reader.nextIntervalHistogram(); e != null; e = reader.nextIntervalHistogram()) {
        if (tag.equals(e.getTag()) && e instanceof Histogram h) {
          int second = (int) Math.round((h.getEndTimeStamp() - wallStartMillis) / 1000.0) - 1;
          bySecond.merge(Math.max(0, second), h, (a, b) -> {
            a.add(b);
            return a;
          });
        }
      }
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("cannot read " + hlog, e);
    }
    return bySecond;
  }

  /** Seconds after the fault of the first {@code kind} event at least {@code from} seconds after it, or NaN. */
  private double after(String kind, double from) {
    for (BenchMeasures.Event e : events) {
      if (e.kind().equals(kind) && e.t() - faultAt >= from) {
        return e.t() - faultAt;
      }
    }
    return Double.NaN;
  }

  private static String resolvedBy(double onset, double recovery, double decision, double switchover,
      double restart) {
    if (Double.isNaN(onset)) {
      return "no impact";
    }
    if (Double.isNaN(recovery)) {
      return "none";
    }
    if (!Double.isNaN(switchover) && decision + switchover <= recovery + 1) {
      return "failover";
    }
    if (!Double.isNaN(restart) && restart <= recovery + 1) {
      return "restart";
    }
    return "itself";
  }

  private static long lostInFlight(JsonNode status, String region) {
    long n = 0;
    for (JsonNode r : status.path("regions")) {
      if (region.equals(r.path("region").asText())) {
        for (JsonNode server : r.path("servers")) {
          n += server.path("outcomes").path("lost").asLong();
        }
      }
    }
    return n;
  }
}
