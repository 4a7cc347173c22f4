package io.smsim.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one run of the failover bench against an external system measured, from the client's side
 * only, in seconds after the fault command started (NaN: did not happen within the run).
 *
 * <ul>
 *   <li>{@code onset}, {@code recovery}, {@code failedInEvent}: the {@link Outage} of all requests,
 *       the same definition as the in-process bench's;</li>
 *   <li>{@code gap}: the longest stretch with no successful outcome arriving, and where it starts
 *       ({@code gapStart}, seconds after the run's start);</li>
 *   <li>with a server header: the {@code oldServer} (the one that accepted most requests before the
 *       fault); {@code detection}: fault → the intended send time of the last request the old server
 *       answered (any answer that names it, errors included) before the first one another server
 *       accepted, 0 when it answered none sent after the fault, NaN when no other server took over;
 *       {@code switchover}: from there → the
 *       intended send time of the first request another server ({@code newServer}) accepted;
 *       {@code failback}: the restore command (else the fault) → the first request the old server
 *       accepted after the switch and the restore;</li>
 *   <li>{@code phases}: before the fault, during (fault → recovery, or the end), after;</li>
 *   <li>{@code servers}: answers by server name; {@code lost}: each lost request with its server.</li>
 * </ul>
 *
 * <p>Detection and switchover are placed by intended send time, where the system routed the
 * request, not by when the answer came: a load balancer that retries a request for seconds before
 * answering for a dead server routed it when it arrived.
 */
public record ExternalMeasures(double faultAtSeconds, double restoreAtSeconds, double onset, double recovery,
    long failedInEvent, double gap, double gapStart, String oldServer, String newServer, double detection,
    double switchover, double failback, List<Phase> phases, List<ServerCount> servers, List<LoadResult.Lost> lost,
    double baselineSuccess, double baselineP99Ms) implements FailoverSlo.Event {

  public ExternalMeasures {
    phases = List.copyOf(phases);
    servers = List.copyOf(servers);
    lost = List.copyOf(lost);
  }

  /**
   * Requests of one phase by intended send time, each with exactly one of ok, failed (an error
   * answer), timed out (no answer in time, not lost) or lost (acknowledged, never answered); the
   * duplicated answers to them (also by the request's intended send time); latency percentiles of the answers that arrived in the
   * phase's whole seconds (from {@code results.hlog}), ms.
   */
  public record Phase(String name, double fromSeconds, double toSeconds, long requests, long ok, long failed,
      long timedOut, long lost, long duplicated, double ackP50Ms, double ackP99Ms, double e2eP50Ms,
      double e2eP99Ms) {

    /** Whether every request of the phase has its one outcome. */
    public boolean balanced() {
      return requests == ok + failed + timedOut + lost;
    }
  }

  /** Synchronous answers naming one server: how many, how many accepted the request, lost after its acknowledgement. */
  public record ServerCount(String name, long answered, long accepted, long lost) {
  }

  /** Every phase balanced and the phases add up to the run. */
  public boolean exact(LoadResult load) {
    long n = 0;
    for (Phase p : phases) {
      if (!p.balanced()) {
        return false;
      }
      n += p.requests();
    }
    return n == load.outcomes().total() && load.outcomes().balanced() && load.outcomes().inFlight() == 0;
  }

  /** The requests lost with the old server (acknowledged by it, final response never came). */
  public List<LoadResult.Lost> lostWithOldServer() {
    List<LoadResult.Lost> l = new ArrayList<>();
    for (LoadResult.Lost x : lost) {
      if (oldServer != null && oldServer.equals(x.acknowledgedBy())) {
        l.add(x);
      }
    }
    return l;
  }

  /**
   * Measures a run whose fault command started {@code faultAt} and restore command
   * {@code restoreAt} (or NaN) seconds after its start.
   */
  static ExternalMeasures of(LoadResult r, double faultAt, double restoreAt, RecoveryCriteria criteria, Path hlog) {
    long wallStart = r.setup().wallStart().toEpochMilli();
    Map<Integer, Histogram> e2e = Measure.histograms(hlog, "e2e", wallStart);
    Map<Integer, Histogram> ack = Measure.histograms(hlog, "ack", wallStart);
    int n = (int) Math.ceil(r.setup().durationSeconds());
    Outage.Result o = Outage.of(Outage.all(r.series().perSecond()), e2e, faultAt, n, criteria);
    AnswerSeries a = r.servers().answers();
    double end = r.setup().durationSeconds();
    double recoveryAt = Double.isNaN(o.recovery()) ? end : faultAt + o.recovery();
    boolean recovered = recoveryAt < end;
    List<Phase> phases = List.of(
        phase("before", 0, faultAt, false, r, a, ack, e2e),
        phase("during", faultAt, recoveryAt, !recovered, r, a, ack, e2e),
        phase("after", recoveryAt, end, recovered, r, a, ack, e2e));
    double[] gap = longestGap(a, end);
    Switch s = Switch.of(r, faultAt, restoreAt);
    return new ExternalMeasures(faultAt, restoreAt, o.onset(), o.recovery(), o.failed(), gap[0], gap[1], s.old,
        s.next, s.detection, s.switchover, s.failback, phases, servers(r), r.servers().lost(), o.baselineSuccess(),
        o.baselineP99Ms());
  }

  /**
   * The phase [from, to) of intended send times; {@code last}: it ends the run, and also holds the
   * latencies of the answers that arrive after the last send.
   */
  private static Phase phase(String name, double from, double to, boolean last, LoadResult r, AnswerSeries a,
      Map<Integer, Histogram> ack, Map<Integer, Histogram> e2e) {
    long[] k = new long[3];
    long dup = 0;
    int fromTenth = (int) Math.floor(from * SecondSeries.TENTHS);
    int toTenth = last ? Math.max(a.tenths(), fromTenth) : (int) Math.floor(to * SecondSeries.TENTHS);
    for (int t = fromTenth; t < toTenth; t++) {
      for (int x = 0; x < 3; x++) {
        k[x] += a.outcomes(t, x);
      }
      dup += a.duplicated(t);
    }
    long lost = 0;
    for (LoadResult.Lost l : r.servers().lost()) {
      int t = (int) (Math.round(l.intendedSeconds() * 1e9) / 100_000_000L); // the tenth AnswerSeries counted it in
      lost += t >= fromTenth && t < toTenth ? 1 : 0;
    }
    int fromSecond = fromTenth / SecondSeries.TENTHS;
    int toSecond = last ? Integer.MAX_VALUE : toTenth / SecondSeries.TENTHS;
    double[] ackP = fromTenth == toTenth ? new double[] {Double.NaN, Double.NaN} : percentiles(ack, fromSecond, toSecond);
    double[] e2eP = fromTenth == toTenth ? new double[] {Double.NaN, Double.NaN} : percentiles(e2e, fromSecond, toSecond);
    return new Phase(name, from, to,
        k[0] + k[1] + k[2], k[AnswerSeries.OK], k[AnswerSeries.ERROR], k[AnswerSeries.TIMEOUT] - lost, lost, dup,
        ackP[0], ackP[1], e2eP[0], e2eP[1]);
  }

  /** p50 and p99 (ms) of the histograms of seconds [from, to); NaN without samples. */
  private static double[] percentiles(Map<Integer, Histogram> bySecond, int from, int to) {
    Histogram merged = new Histogram(LoadStats.HIGHEST_MICROS, LoadStats.DIGITS);
    for (Map.Entry<Integer, Histogram> e : bySecond.entrySet()) {
      if (e.getKey() >= from && e.getKey() < to) {
        merged.add(e.getValue());
      }
    }
    if (merged.getTotalCount() == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    return new double[] {merged.getValueAtPercentile(50) / 1000.0, merged.getValueAtPercentile(99) / 1000.0};
  }

  /**
   * The longest time between successive successful outcomes (by arrival), including from the last
   * one to the end of the sends when the run ended without success: {length, start}, seconds. Exact
   * across tenths of a second; a gap inside one tenth is below 0.1 s and only counts when no longer
   * one exists, as 0.
   */
  private static double[] longestGap(AnswerSeries a, double end) {
    long prev = -1;
    long best = 0;
    long bestStart = 0;
    for (int t = 0; t < a.tenths(); t++) {
      long first = a.okFirst(t);
      if (first < 0) {
        continue;
      }
      if (prev >= 0 && first - prev > best) {
        best = first - prev;
        bestStart = prev;
      }
      prev = a.okLast(t);
    }
    long endNanos = (long) (end * 1e9);
    if (prev >= 0 && endNanos - prev > best) {
      best = endNanos - prev;
      bestStart = prev;
    }
    return prev < 0 ? new double[] {end, 0} : new double[] {best / 1e9, bestStart / 1e9};
  }

  private static List<ServerCount> servers(LoadResult r) {
    List<ServerCount> list = new ArrayList<>();
    List<String> names = r.servers().names();
    AnswerSeries a = r.servers().answers();
    for (int s = 0; s < names.size(); s++) {
      long answered = 0;
      long accepted = 0;
      for (int t = 0; t < a.tenths(); t++) {
        answered += a.answers(t, s);
        accepted += a.accepted(t, s);
      }
      if (names.get(s) == null || answered == 0) {
        continue;
      }
      long lost = 0;
      for (LoadResult.Lost l : r.servers().lost()) {
        lost += names.get(s).equals(l.acknowledgedBy()) ? 1 : 0;
      }
      list.add(new ServerCount(names.get(s), answered, accepted, lost));
    }
    return list;
  }

  /** Which server served before the fault, and when the answers moved away and back. */
  static final class Switch {
    String old;
    String next;
    double detection = Double.NaN;
    double switchover = Double.NaN;
    double failback = Double.NaN;

    static Switch of(LoadResult r, double faultAt, double restoreAt) {
      Switch s = new Switch();
      if (r.servers().header() == null) {
        return s;
      }
      AnswerSeries a = r.servers().answers();
      List<String> names = r.servers().names();
      int faultTenth = (int) Math.floor(faultAt * SecondSeries.TENTHS);
      int old = busiestBefore(a, faultTenth);
      if (old < 0) {
        return s;
      }
      s.old = names.get(old);
      long fault = (long) (faultAt * 1e9);
      long firstNew = -1;
      int newSlot = -1;
      for (int t = faultTenth; t < a.tenths() && firstNew < 0; t++) {
        for (int x = 1; x < names.size(); x++) {
          long f = a.firstAccepted(t, x);
          if (x != old && f >= fault && (firstNew < 0 || f < firstNew)) {
            firstNew = f;
            newSlot = x;
          }
        }
      }
      long lastOld = -1;
      int lastTenth = firstNew < 0 ? a.tenths() - 1 : (int) (firstNew / 100_000_000L);
      for (int t = faultTenth; t <= lastTenth; t++) {
        long l = a.lastAnswer(t, old);
        if (l >= fault && (firstNew < 0 || l <= firstNew)) {
          lastOld = Math.max(lastOld, l);
        }
      }
      if (firstNew < 0) {
        return s; // no other server took over: no switch to time
      }
      long detected = Math.max(fault, lastOld);
      s.detection = (detected - fault) / 1e9;
      s.next = names.get(newSlot);
      s.switchover = (firstNew - detected) / 1e9;
      long from = Math.max(firstNew + 1, Double.isNaN(restoreAt) ? 0 : (long) (restoreAt * 1e9));
      for (int t = (int) (from / 100_000_000L); t < a.tenths(); t++) {
        long f = a.firstAccepted(t, old);
        if (f >= from) {
          s.failback = (f - (Double.isNaN(restoreAt) ? fault : (long) (restoreAt * 1e9))) / 1e9;
          break;
        }
      }
      return s;
    }

    /** The named server that accepted most requests before the fault's tenth, or -1. */
    private static int busiestBefore(AnswerSeries a, int faultTenth) {
      int best = -1;
      long most = 0;
      for (int x = 1; x < ServerNames.MAX; x++) {
        long n = 0;
        for (int t = 0; t < faultTenth; t++) {
          n += a.accepted(t, x);
        }
        if (n > most) {
          most = n;
          best = x;
        }
      }
      return best;
    }
  }
}
