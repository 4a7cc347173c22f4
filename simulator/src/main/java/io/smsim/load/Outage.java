package io.smsim.load;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * The onset and the end of an outage as the client sees it, from a run's requests by intended send
 * time (ok or failed, per tenth of a second) and its end-to-end histograms per second: one
 * definition for the in-process bench ({@link Measure}, the faulted region) and the bench against
 * an external system ({@link ExternalMeasures}, all requests).
 *
 * <p>A real baseline is noisy (a device that never answers, a firmware download longer than the
 * response timeout), so neither the first failure nor one bad second marks the event. The onset is
 * found in the first second after the fault whose failures are too many for the pre-fault failure
 * rate (binomial upper tail below {@value #ONSET_P}), at its first tenth of a second that is so
 * alone; recovery is the first window of {@link RecoveryCriteria#seconds()} seconds after the onset
 * whose requests, pooled, succeed at least {@link RecoveryCriteria#successRatio()} × the pre-fault
 * success ratio and whose merged e2e p99 is at most {@link RecoveryCriteria#p99Factor()} × the
 * pre-fault p99, refined to
 * just after the intended send time of the last failed request before that window.
 *
 * <p>The baseline is the time before the fault without its first second (connections and JIT) and
 * without the requests still in flight when the fault came: its e2e p99 is that of the answers that
 * arrived before the fault, and its success ratio that of the requests intended before
 * {@code fault − that p99} (in tenths of a second; at least the run's second second). A request
 * acknowledged just before a crash and never answered is the fault's damage, not the baseline's:
 * counted in the baseline it would raise the pre-fault failure rate until the outage itself no
 * longer stands out.
 */
final class Outage {

  static final double ONSET_P = 1e-3;
  private static final double TENTH_MS = 100;

  /**
   * The outage, times in seconds after the fault (NaN: not within the run).
   *
   * @param failed requests sent from the fault's second until the recovery window (or the end) that failed
   * @param recoverySecond the second the steady window starts, or -1
   */
  record Result(double onset, double recovery, long failed, int recoverySecond, double baselineSuccess,
      double baselineP99Ms) {
  }

  /** Requests by intended tenth of a second: sent, ok, failed ({@link SecondSeries} indices), with failure times. */
  interface View {
    long count(int tenth, int what);

    /** Intended time (ns after the start) of the tenth's first failed request, or -1. */
    long firstFailed(int tenth);

    /** Intended time (ns after the start) of the tenth's last failed request, or -1. */
    long lastFailed(int tenth);

    default long second(int second, int what) {
      long n = 0;
      for (int t = second * SecondSeries.TENTHS; t < (second + 1) * SecondSeries.TENTHS; t++) {
        n += count(t, what);
      }
      return n;
    }
  }

  /** One region's requests. */
  static View region(SecondSeries s, int slot) {
    return new View() {
      @Override
      public long count(int tenth, int what) {
        return s.tenthCount(tenth, slot, what);
      }

      @Override
      public long firstFailed(int tenth) {
        return s.firstFailedInTenth(tenth, slot);
      }

      @Override
      public long lastFailed(int tenth) {
        return s.lastFailedInTenth(tenth, slot);
      }
    };
  }

  /** Every region's requests together. */
  static View all(SecondSeries s) {
    return new View() {
      @Override
      public long count(int tenth, int what) {
        long n = 0;
        for (int r = 0; r < Traffic.REGIONS; r++) {
          n += s.tenthCount(tenth, r, what);
        }
        return n;
      }

      @Override
      public long firstFailed(int tenth) {
        long first = -1;
        for (int r = 0; r < Traffic.REGIONS; r++) {
          long f = s.firstFailedInTenth(tenth, r);
          first = f >= 0 && (first < 0 || f < first) ? f : first;
        }
        return first;
      }

      @Override
      public long lastFailed(int tenth) {
        long last = -1;
        for (int r = 0; r < Traffic.REGIONS; r++) {
          last = Math.max(last, s.lastFailedInTenth(tenth, r));
        }
        return last;
      }
    };
  }

  private final View view;
  private final Map<Integer, Histogram> e2eBySecond;
  private final RecoveryCriteria criteria;

  private Outage(View view, Map<Integer, Histogram> e2eBySecond, RecoveryCriteria criteria) {
    this.view = view;
    this.e2eBySecond = e2eBySecond;
    this.criteria = criteria;
  }

  /**
   * Measures the outage of a run of {@code seconds} seconds with a fault {@code faultAt} seconds
   * after its start.
   */
  static Result of(View view, Map<Integer, Histogram> e2eBySecond, double faultAt, int seconds,
      RecoveryCriteria criteria) {
    return new Outage(view, e2eBySecond, criteria).measure(faultAt, seconds);
  }

  private Result measure(double faultAt, int n) {
    int faultSecond = (int) Math.floor(faultAt);
    Baseline base = baseline(faultAt);
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
      failed += view.second(k, SecondSeries.FAILED);
    }
    return new Result(onset, recovery, failed, recoverySecond, base.success(), base.p99Ms());
  }

  /** The time before the fault, as the class says: failure probability, success ratio, e2e p99. */
  private record Baseline(double failureProbability, double success, double p99Ms) {
  }

  private Baseline baseline(double faultAt) {
    int faultSecond = (int) Math.floor(faultAt);
    double p99Ms = p99Ms(1, faultSecond);
    int inFlightTenths = Double.isNaN(p99Ms) ? 0 : (int) Math.ceil(p99Ms / TENTH_MS);
    int end = Math.max(2 * SecondSeries.TENTHS, (int) Math.floor(faultAt * SecondSeries.TENTHS) - inFlightTenths);
    long ok = 0;
    long failed = 0;
    for (int t = SecondSeries.TENTHS; t < end; t++) {
      ok += view.count(t, SecondSeries.OK);
      failed += view.count(t, SecondSeries.FAILED);
    }
    double p = ok + failed == 0 ? 0 : (double) failed / (ok + failed);
    return new Baseline(p, 1 - p, p99Ms);
  }

  /** The first second from {@code from} whose failures the baseline failure rate makes unlikely, or -1. */
  private int onsetSecond(int from, int n, Baseline base) {
    for (int k = from; k < n; k++) {
      int failed = (int) view.second(k, SecondSeries.FAILED);
      int done = failed + (int) view.second(k, SecondSeries.OK);
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
      int failed = (int) view.count(t, SecondSeries.FAILED);
      int done = failed + (int) view.count(t, SecondSeries.OK);
      if (unlikely(failed, done, base)) {
        return view.firstFailed(t);
      }
    }
    for (int t = onsetSecond * SecondSeries.TENTHS; t < (onsetSecond + 1) * SecondSeries.TENTHS; t++) {
      if (view.firstFailed(t) >= 0) {
        return view.firstFailed(t);
      }
    }
    return onsetSecond * 1_000_000_000L;
  }

  /** Whether {@code failed} of {@code done} is too many for the baseline's failure probability. */
  private static boolean unlikely(int failed, int done, Baseline base) {
    double p = Math.max(base.failureProbability(), 1e-4);
    return failed > 0 && new BinomialDistribution(null, done, p).cumulativeProbability(failed - 1) > 1 - ONSET_P;
  }

  /** The first second from {@code from} that starts a steady window, or -1. */
  private int recoverySecond(int from, int n, Baseline base) {
    for (int t = from; t + criteria.seconds() <= n; t++) {
      long ok = 0;
      long done = 0;
      boolean everySecond = true;
      for (int k = t; k < t + criteria.seconds(); k++) {
        long okK = view.second(k, SecondSeries.OK);
        long doneK = okK + view.second(k, SecondSeries.FAILED);
        everySecond &= doneK > 0;
        ok += okK;
        done += doneK;
      }
      if (!everySecond || (double) ok / done < base.success() * criteria.successRatio()) {
        continue;
      }
      double p99 = p99Ms(t, t + criteria.seconds());
      if (base.p99Ms() == 0 || Double.isNaN(p99) || p99 <= base.p99Ms() * criteria.p99Factor()) {
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
    long last = -1;
    for (int k = (t - 1) * SecondSeries.TENTHS; k < t * SecondSeries.TENTHS; k++) {
      last = Math.max(last, view.lastFailed(k));
    }
    return last < 0 ? t : last / 1e9;
  }

  /** The e2e p99 of the requests completed in seconds [from, to), ms; NaN without samples. */
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
}
