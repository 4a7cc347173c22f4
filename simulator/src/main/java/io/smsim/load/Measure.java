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
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Computes a failover-bench run's {@link BenchMeasures} from the faulted region's per-second
 * series (requests by intended send second, ok or failed), its per-second end-to-end histograms
 * (read back from the run's {@code results.hlog}) and the emulation's event log (each event's
 * virtual time mapped to real time on the load's clock).
 *
 * <p>A real baseline is noisy (a device that never answers, a firmware download longer than the
 * response timeout), so neither the first failure nor one bad second marks the event. The onset is
 * found in the first second after the fault whose failures are too many for the pre-fault failure
 * rate (binomial upper tail below {@value #ONSET_P}), at its first tenth of a second that is so
 * alone; recovery is judged over windows of seconds, whose requests are pooled for the success
 * ratio and whose histograms are merged for the p99.
 */
final class Measure {

  static final double ONSET_P = 1e-3;

  private final FailoverBench.Plan plan;
  private final LoadResult result;
  private final SecondSeries series;
  private final int slot;
  private final double faultAt;
  private final Map<Integer, Histogram> e2eBySecond;
  private final List<BenchMeasures.Event> events = new ArrayList<>();

  private Measure(FailoverBench.Plan plan, LoadResult result, double faultAt, Map<Integer, Histogram> e2eBySecond) {
    this.plan = plan;
    this.result = result;
    this.series = result.series().perSecond();
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
    int faultSecond = (int) Math.floor(faultAt);
    Baseline base = baseline(faultSecond);
    int onsetSecond = onsetSecond(faultSecond, n, base);
    double onset = Double.NaN;
    double recovery = Double.NaN;
    int recoverySecond = -1;
    if (onsetSecond >= 0) {
      onset = Math.max(faultAt, onsetOffset(faultSecond, onsetSecond, base) / 1e9) - faultAt;
      recoverySecond = recoverySecond(onsetSecond + 1, n, base);
      recovery = recoverySecond < 0 ? Double.NaN : Math.max(onset, recoveredAt(recoverySecond) - faultAt);
    }
    long failed = 0;
    for (int k = faultSecond; k < (recoverySecond < 0 ? n : recoverySecond); k++) {
      failed += series.regionCount(k, slot, SecondSeries.FAILED);
    }
    double k = plan.timeScale() * 1e9;
    double configuredDetect = policy.intervalNanos() * (double) policy.failureThreshold() / k;
    double configuredSwitchover = policy.switchoverNanos() / k;
    double detect = decision - onset;
    Boolean within = Double.isNaN(decision) || Double.isNaN(switchover) ? null
        : detect <= configuredDetect + policy.intervalNanos() / k + 0.25 && switchover <= configuredSwitchover + 0.25;
    return new BenchMeasures(faultAt, onset, decision, detect, switchover, restart, failovers, failed,
        result.series().regionTotals(slot)[SecondSeries.SENT], result.accounting().lost(),
        result.accounting().duplicated(), lostInFlight, recovery,
        resolvedBy(onset, recovery, decision, switchover, restart), configuredDetect, configuredSwitchover, within,
        base.success(), base.p99Ms(), List.copyOf(events));
  }

  /** The region before the fault, its first second left out: failure probability, success ratio, e2e p99. */
  private record Baseline(double failureProbability, double success, double p99Ms) {
  }

  private Baseline baseline(int faultSecond) {
    long ok = 0;
    long failed = 0;
    for (int k = 1; k < faultSecond; k++) {
      ok += series.regionCount(k, slot, SecondSeries.OK);
      failed += series.regionCount(k, slot, SecondSeries.FAILED);
    }
    double p = ok + failed == 0 ? 0 : (double) failed / (ok + failed);
    return new Baseline(p, 1 - p, p99Ms(1, faultSecond));
  }

  /** The first second from {@code from} whose failures the baseline failure rate makes unlikely, or -1. */
  private int onsetSecond(int from, int n, Baseline base) {
    for (int k = from; k < n; k++) {
      int failed = (int) series.regionCount(k, slot, SecondSeries.FAILED);
      int done = failed + (int) series.regionCount(k, slot, SecondSeries.OK);
      if (unlikely(failed, done, base)) {
        return k;
      }
    }
    return -1;
  }

  /**
   * Where in time the onset is, ns after the start: the first failed request of the first tenth of
   * a second from the fault to the end of second {@code onsetSecond} whose failures alone are
   * unlikely under the baseline; else (failures too spread out to stand out in a tenth, as in a
   * gray failure) the first failed request of second {@code onsetSecond}.
   */
  private long onsetOffset(int faultSecond, int onsetSecond, Baseline base) {
    for (int t = faultSecond * SecondSeries.TENTHS; t < (onsetSecond + 1) * SecondSeries.TENTHS; t++) {
      int failed = (int) series.tenthCount(t, slot, SecondSeries.FAILED);
      int done = failed + (int) series.tenthCount(t, slot, SecondSeries.OK);
      if (unlikely(failed, done, base)) {
        return series.firstFailedInTenth(t, slot);
      }
    }
    return series.firstFailedOffset(onsetSecond, slot);
  }

  /** Whether {@code failed} of {@code done} is too many for the baseline's failure probability. */
  private static boolean unlikely(int failed, int done, Baseline base) {
    double p = Math.max(base.failureProbability(), 1e-4);
    return failed > 0 && new BinomialDistribution(null, done, p).cumulativeProbability(failed - 1) > 1 - ONSET_P;
  }

  /** The first second from {@code from} that starts a steady window, or -1. */
  private int recoverySecond(int from, int n, Baseline base) {
    for (int t = from; t + plan.recoverySeconds() <= n; t++) {
      long ok = 0;
      long done = 0;
      boolean everySecond = true;
      for (int k = t; k < t + plan.recoverySeconds(); k++) {
        long okK = series.regionCount(k, slot, SecondSeries.OK);
        long doneK = okK + series.regionCount(k, slot, SecondSeries.FAILED);
        everySecond &= doneK > 0;
        ok += okK;
        done += doneK;
      }
      if (!everySecond || (double) ok / done < base.success() * plan.recoverySuccessRatio()) {
        continue;
      }
      double p99 = p99Ms(t, t + plan.recoverySeconds());
      if (base.p99Ms() == 0 || Double.isNaN(p99) || p99 <= base.p99Ms() * plan.recoveryP99Factor()) {
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
    long last = series.lastFailedOffset(t - 1, slot);
    return last < 0 ? t : last / 1e9;
  }

  /** The e2e p99 of the region's requests completed in seconds [from, to), ms; NaN without samples. */
  private double p99Ms(int from, int to) {
    Histogram merged = new Histogram(LoadStats.HIGHEST_MICROS, LoadStats.DIGITS);
    for (int k = from; k < to; k++) {
      Histogram h = e2eBySecond.get(k);
      if (h != null) {
        merged.add(h);
      }
    }
    return merged.getTotalCount() == 0 ? Double.NaN : merged.getValueAtPercentile(99) / 1000.0;
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
