package io.smsim.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.model.FailoverPolicy;
import io.smsim.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes a failover-bench run's {@link BenchMeasures} from the load's per-second series of the
 * faulted region, the first failure the generator saw after the fault, and the emulation's event
 * log (each event's virtual time mapped to real time on the load's clock).
 */
final class Measure {

  private final FailoverBench.Plan plan;
  private final LoadResult result;
  private final int slot;
  private final double faultAt;
  private final List<BenchMeasures.Event> events = new ArrayList<>();

  private Measure(FailoverBench.Plan plan, LoadResult result, double faultAt) {
    this.plan = plan;
    this.result = result;
    this.slot = plan.fault().region().ordinal();
    this.faultAt = faultAt;
  }

  static BenchMeasures of(FailoverBench.Plan plan, Scenario scenario, LoadResult result, FailoverBench.Drill drill,
      JsonNode status, FailoverBench.RealTime real) {
    long t0 = drill.control.startNanos();
    Measure m = new Measure(plan, result, (drill.faultNanos.get() - t0) / 1e9);
    String region = plan.fault().region().key();
    for (JsonNode e : status.path("events")) {
      if (region.equals(e.path("region").asText())) {
        double t = (real.of(Instant.parse(e.path("at").asText())) - t0) / 1e9;
        m.events.add(new BenchMeasures.Event(t, e.path("kind").asText(), e.path("server").asText(),
            e.path("detail").asText()));
      }
    }
    long first = drill.control.firstWatchedFailure();
    double onset = first == Long.MAX_VALUE ? Double.NaN : (first - drill.faultNanos.get()) / 1e9;
    return m.measure(onset, lostInFlight(status, region), scenario.regions().get(plan.fault().region()).failover());
  }

  private BenchMeasures measure(double onset, long lostInFlight, FailoverPolicy policy) {
    double decision = after("failover", 0);
    double switchover = Double.isNaN(decision) ? Double.NaN : after("switchover-complete", decision) - decision;
    double restart = after("restart", 0);
    int failovers = (int) events.stream().filter(e -> e.kind().equals("failover") && e.t() >= faultAt).count();
    double[] baseline = baseline();
    int n = (int) Math.ceil(result.setup().durationSeconds());
    int recoverySecond = Double.isNaN(onset) ? -1 : recoverySecond((int) Math.floor(faultAt + onset), n, baseline);
    double recovery = recoverySecond < 0 ? Double.NaN : Math.max(onset, recoveredAt(recoverySecond) - faultAt);
    long failed = 0;
    SecondSeries s = result.series().perSecond();
    for (int k = (int) Math.floor(faultAt); k < (recoverySecond < 0 ? n : recoverySecond); k++) {
      failed += s.regionCount(k, slot, SecondSeries.FAILED);
    }
    double k = plan.timeScale() * 1e9;
    double configuredDetect = policy.intervalNanos() * (double) policy.failureThreshold() / k;
    double configuredSwitchover = policy.switchoverNanos() / k;
    double detect = decision - onset;
    Boolean within = Double.isNaN(decision) || Double.isNaN(switchover) ? null
        : detect <= configuredDetect + policy.intervalNanos() / k + 0.25 && switchover <= configuredSwitchover + 0.25;
    return new BenchMeasures(faultAt, onset, decision, detect, switchover, restart, failovers, failed,
        result.series().regionTotals(slot)[SecondSeries.SENT], result.accounting().lost(),
        result.accounting().duplicated(), lostInFlight, recovery, resolvedBy(onset, recovery, decision, switchover,
        restart), configuredDetect, configuredSwitchover, within, baseline[0], baseline[1], List.copyOf(events));
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

  /** {success ratio, max per-second e2e p99 ms} of the region over the warm-up, its first second left out. */
  private double[] baseline() {
    SecondSeries s = result.series().perSecond();
    long ok = 0;
    long failed = 0;
    double p99 = 0;
    for (int k = 1; k < (int) Math.floor(faultAt); k++) {
      ok += s.regionCount(k, slot, SecondSeries.OK);
      failed += s.regionCount(k, slot, SecondSeries.FAILED);
      if (k < result.series().latency().size()) {
        double v = result.series().latency().get(k).e2eP99ByRegion()[slot];
        p99 = Double.isNaN(v) ? p99 : Math.max(p99, v);
      }
    }
    return new double[] {ok + failed == 0 ? 1 : (double) ok / (ok + failed), p99};
  }

  private int recoverySecond(int from, int n, double[] baseline) {
    for (int t = from; t + plan.recoverySeconds() <= n; t++) {
      boolean steady = true;
      for (int k = t; k < t + plan.recoverySeconds() && steady; k++) {
        steady = steady(k, baseline);
      }
      if (steady) {
        return t;
      }
    }
    return -1;
  }

  /**
   * The end of the outage, in seconds after the start, given the first steady window starts at
   * second {@code t}: just after the last failed request of second {@code t - 1} if it had one
   * (sub-second resolution where the outage ended), else {@code t}.
   */
  private double recoveredAt(int t) {
    long last = t == 0 ? -1 : result.series().perSecond().lastFailedOffset(t - 1, slot);
    return last < 0 ? t : last / 1e9;
  }

  private boolean steady(int k, double[] baseline) {
    SecondSeries s = result.series().perSecond();
    long ok = s.regionCount(k, slot, SecondSeries.OK);
    long done = ok + s.regionCount(k, slot, SecondSeries.FAILED);
    if (done == 0 || (double) ok / done < baseline[0] * plan.recoverySuccessRatio()) {
      return false;
    }
    List<LatencyRow> rows = result.series().latency();
    double p99 = k < rows.size() ? rows.get(k).e2eP99ByRegion()[slot] : Double.NaN;
    return Double.isNaN(p99) || baseline[1] == 0 || p99 <= baseline[1] * plan.recoveryP99Factor();
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
