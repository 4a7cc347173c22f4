package io.smsim.metrics;

import io.smsim.model.Category;
import io.smsim.model.EventKind;
import io.smsim.model.Outcome;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.model.Timebase;
import io.smsim.metrics.ReportingSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Streaming metrics of one run: primitive counters indexed by server (region × role), category and
 * outcome; HdrHistograms of latency; one-minute buckets feeding the incident trackers; one row per
 * reporting interval and server. Memory depends on the run's duration (rows, events), never on
 * the number of requests simulated.
 *
 * <p>Servers are numbered {@code region.ordinal() * 2 + role.ordinal()}.
 */
public final class Recorder {

  public static final int REGIONS = Region.values().length;
  public static final int SERVERS = REGIONS * 2;
  private static final int CATS = Category.values().length;
  private static final int OUTCOMES = Outcome.count();
  private static final long MAX_LATENCY_MICROS = 2L * 24 * 3600 * 1_000_000;
  private static final int ALERT = Category.ALERT.ordinal();

  // minute bucket columns
  static final int M_ATTEMPTS = 0;
  static final int M_FAILED = 1;
  static final int M_JOURNEYS_FAILED = 2;
  static final int M_REQUESTS_FAILED = 3;
  static final int M_ON_DEMAND_FAILED = 4;
  static final int M_FIRMWARE_FAILED = 5;

  // interval columns
  private static final int I_ATTEMPTS = 0;
  private static final int I_OK = 1;
  private static final int I_FAILED = 2;
  private static final int I_SPAWN = 3;
  private static final int I_REQ_FAILED = 4;
  private static final int I_BIRTHS_FAILED = 5;
  private static final int I_REAPED = 6;

  private final Timebase timebase;
  private final long[] attempts = new long[SERVERS * CATS * OUTCOMES];
  private final long[] requests = new long[REGIONS * CATS * OUTCOMES];
  private final long[] journeysStarted = new long[REGIONS];
  private final long[] journeysCompleted = new long[REGIONS];
  private final long[] journeysFailed = new long[REGIONS];
  private final long[] journeysDisrupted = new long[REGIONS];
  private final Histogram[] latency = new Histogram[REGIONS];
  private final Histogram[] intervalLatency = new Histogram[SERVERS];
  private final long[][] minute = new long[REGIONS][6];
  private final long[][] interval = new long[SERVERS][7];
  private final IncidentTracker[] trackers = new IncidentTracker[REGIONS];
  private final List<IntervalRow> rows = new ArrayList<>();
  private final List<List<TimelineEvent>> events = new ArrayList<>();
  private final List<List<Failover>> failovers = new ArrayList<>();
  private final MinuteSeries[] minuteSeries = new MinuteSeries[REGIONS];

  public Recorder(ReportingSpec reporting, Timebase timebase) {
    this.timebase = timebase;
    for (int r = 0; r < REGIONS; r++) {
      latency[r] = new Histogram(MAX_LATENCY_MICROS, 3);
      trackers[r] = new IncidentTracker(reporting.slo(), reporting.minAttempts(), reporting.mergeGapNanos(), timebase);
      events.add(new ArrayList<>());
      failovers.add(new ArrayList<>());
      minuteSeries[r] = new MinuteSeries(timebase.start());
    }
    for (int s = 0; s < SERVERS; s++) {
      intervalLatency[s] = new Histogram(MAX_LATENCY_MICROS, 2);
    }
  }

  /** One attempt ended at {@code server} with {@code outcome}; latency as the user saw it. */
  public void attempt(int server, int category, int outcome, long latencyNanos) {
    attempts[(server * CATS + category) * OUTCOMES + outcome]++;
    int region = server >> 1;
    long[] m = minute[region];
    long[] iv = interval[server];
    m[M_ATTEMPTS]++;
    iv[I_ATTEMPTS]++;
    if (outcome == 0) {
      iv[I_OK]++;
      if (category == ALERT) {
        return; // latency is the Service Users' view of their requests
      }
      long micros = Math.min(MAX_LATENCY_MICROS, Math.max(0, latencyNanos / 1000));
      latency[region].recordValue(micros);
      intervalLatency[server].recordValue(micros);
    } else {
      m[M_FAILED]++;
      iv[I_FAILED]++;
      if (outcome == Outcome.SPAWN_FAILED.ordinal()) {
        iv[I_SPAWN]++;
      }
    }
  }

  /** A service request reached its final outcome (after retries); its last attempt was at {@code server}. */
  public void request(int server, int category, int outcome) {
    int region = server >> 1;
    requests[(region * CATS + category) * OUTCOMES + outcome]++;
    if (outcome != 0 && category != ALERT) {
      long[] m = minute[region];
      m[M_REQUESTS_FAILED]++;
      if (category == Category.ON_DEMAND.ordinal()) {
        m[M_ON_DEMAND_FAILED]++;
      } else if (category == Category.FIRMWARE.ordinal()) {
        m[M_FIRMWARE_FAILED]++;
      }
      interval[server][I_REQ_FAILED]++;
    }
  }

  public void journeyStarted(int region) {
    journeysStarted[region]++;
  }

  public void journeyCompleted(int region, boolean disrupted) {
    journeysCompleted[region]++;
    if (disrupted) {
      journeysDisrupted[region]++;
    }
  }

  /** A birthing event failed: a step's last attempt failed at {@code server}. */
  public void journeyFailed(int server) {
    int region = server >> 1;
    journeysFailed[region]++;
    journeysDisrupted[region]++;
    minute[region][M_JOURNEYS_FAILED]++;
    interval[server][I_BIRTHS_FAILED]++;
  }

  /** The reaper killed {@code count} leaked children at {@code server} (its event is recorded apart). */
  public void reaped(int server, long count) {
    interval[server][I_REAPED] += count;
  }

  /**
   * Closes region {@code region}'s minute [start, end), given each server's live processes at its
   * end, and returns its bucket (valid until {@link #resetMinute}).
   */
  public long[] closeMinute(int region, long startNanos, long endNanos, int primaryProcesses, int secondaryProcesses) {
    long[] m = minute[region];
    trackers[region].onMinute(startNanos, endNanos, m);
    minuteSeries[region].add(m[M_ATTEMPTS], m[M_FAILED], primaryProcesses, secondaryProcesses);
    return m;
  }

  /** Clears a region's minute bucket after {@link #closeMinute} and its readers are done. */
  public void resetMinute(int region) {
    Arrays.fill(minute[region], 0);
  }

  /** Closes one server's reporting interval. */
  public void closeInterval(int server, long startNanos, long endNanos, String role, String state, int peak,
      int processesEnd, int leakedEnd) {
    long[] iv = interval[server];
    Histogram h = intervalLatency[server];
    double p50 = h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(50) / 1000.0;
    double p99 = h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(99) / 1000.0;
    rows.add(new IntervalRow(timebase.instantOf(startNanos), timebase.instantOf(endNanos),
        Region.of(server >> 1).key(), roleKey(server), role, state, iv[I_ATTEMPTS], iv[I_OK], iv[I_FAILED],
        iv[I_SPAWN], iv[I_REQ_FAILED], iv[I_BIRTHS_FAILED], peak, processesEnd, leakedEnd, iv[I_REAPED], p50, p99));
    Arrays.fill(iv, 0);
    h.reset();
  }

  public void event(int region, long nowNanos, EventKind kind, String server, long value, String detail) {
    events.get(region).add(new TimelineEvent(timebase.instantOf(nowNanos), kind, server, value, detail));
  }

  public void failover(int region, Failover f) {
    failovers.get(region).add(f);
  }

  /** Marks the last failover of a region as serving from {@code nowNanos}. */
  public void failoverServing(int region, long nowNanos) {
    List<Failover> list = failovers.get(region);
    Failover f = list.get(list.size() - 1);
    list.set(list.size() - 1, new Failover(f.at(), f.from(), f.to(), f.reason(), timebase.instantOf(nowNanos),
        f.lostInFlight()));
  }

  static String roleKey(int server) {
    return ServerRole.values()[server & 1].key();
  }

  /** Everything about one region, once the run is over. */
  public RegionResult regionResult(int region, long[] inFlightRequests, long journeysInProgress, int peakProcesses,
      long leakedTotal, long reapedTotal, String policy, String activeAtEnd, long endNanos) {
    IncidentTracker tracker = trackers[region];
    tracker.finish(endNanos);
    long reqTotal = 0;
    long reqOk = 0;
    long reqFailed = 0;
    Map<String, Counts> byCategory = new LinkedHashMap<>();
    Counts alerts = null;
    for (int c = 0; c < CATS; c++) {
      long ok = requests[(region * CATS + c) * OUTCOMES];
      long failed = 0;
      for (int o = 1; o < OUTCOMES; o++) {
        failed += requests[(region * CATS + c) * OUTCOMES + o];
      }
      long inFlight = inFlightRequests[c];
      if (c == ALERT) {
        alerts = new Counts(ok + failed + inFlight, ok, failed, inFlight);
        continue;
      }
      byCategory.put(Category.of(c).label(), new Counts(ok + failed + inFlight, ok, failed, inFlight));
      reqTotal += ok + failed + inFlight;
      reqOk += ok;
      reqFailed += failed;
    }
    long inFlightAll = reqTotal - reqOk - reqFailed;
    Map<String, Long> outcomes = new LinkedHashMap<>();
    long attOk = 0;
    long attFailed = 0;
    for (int o = 0; o < OUTCOMES; o++) {
      long n = 0;
      for (int role = 0; role < 2; role++) {
        for (int c = 0; c < CATS; c++) {
          n += attempts[((region * 2 + role) * CATS + c) * OUTCOMES + o];
        }
      }
      outcomes.put(Outcome.of(o).label(), n);
      if (o == 0) {
        attOk = n;
      } else {
        attFailed += n;
      }
    }
    Births births = new Births(journeysStarted[region], journeysCompleted[region], journeysFailed[region],
        journeysDisrupted[region], journeysInProgress);
    List<TimelineEvent> timeline = new ArrayList<>(events.get(region));
    timeline.sort(java.util.Comparator.comparing(TimelineEvent::at));
    List<Incident> incidents = IncidentAttribution.attribute(tracker.incidents(), timeline);
    return new RegionResult(Region.of(region), new Counts(reqTotal, reqOk, reqFailed, inFlightAll), alerts,
        new Counts(attOk + attFailed, attOk, attFailed, 0), outcomes, byCategory, births,
        LatencySummary.of(latency[region]), peakProcesses, leakedTotal, reapedTotal, policy, activeAtEnd, incidents,
        failovers.get(region), timeline, minuteSeries[region]);
  }

  /** Rows of {@code timeline.csv} so far. */
  public List<IntervalRow> rows() {
    return rows;
  }

  public Instant instantOf(long nanos) {
    return timebase.instantOf(nanos);
  }
}
