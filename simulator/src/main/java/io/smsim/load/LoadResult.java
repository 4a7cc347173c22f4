package io.smsim.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything one load run measured: how it was set up, how every request ended, the accounting of
 * answers that should not have come or never came, how punctual the sends were, latency
 * histograms, and per-second series for the report.
 */
public record LoadResult(Setup setup, Outcomes outcomes, Accounting accounting, Sends sends, Latency latency,
    Series series, Servers servers) {

  /** A run that did not look at which server answered. */
  public LoadResult(Setup setup, Outcomes outcomes, Accounting accounting, Sends sends, Latency latency,
      Series series) {
    this(setup, outcomes, accounting, sends, latency, series, Servers.none());
  }

  /**
   * Which server answered (the failover bench's {@code --server-header}) and the lost requests in
   * detail.
   *
   * @param header the response header read, or {@code null}
   * @param names each {@link AnswerSeries} server slot's name ({@code null}: slot unused)
   * @param answers per tenth of a second: answers by server, outcomes, successes by arrival
   * @param lost every lost request with its intended send time and the server that acknowledged it
   */
  public record Servers(String header, List<String> names, AnswerSeries answers, List<Lost> lost) {

    public Servers {
      names = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(names));
      lost = List.copyOf(lost);
    }

    static Servers none() {
      return new Servers(null, List.of(), new AnswerSeries(), List.of());
    }
  }

  /** A lost request: acknowledged by {@code acknowledgedBy}, its final response never came. */
  public record Lost(String requestId, double intendedSeconds, String acknowledgedBy) {
  }

  /** The run's parameters and when it ran (wall clock). */
  public record Setup(String target, String pacing, String traffic, double durationSeconds, int connections,
      int threads, int maxInFlight, double responseTimeoutSeconds, double graceSeconds, double lateThresholdMs,
      boolean ackOnly, String callbackUrl, long seed, Instant wallStart, double wallSeconds) {
  }

  /**
   * How every request ended: exactly one outcome each, so {@code total = ok + errors + timeouts +
   * inFlight}, with {@code inFlight} 0 after the grace period.
   *
   * @param errors by code ({@code E20}, {@code ack:E19}, {@code http:503}, {@code transport:closed},
   *     {@code client:overload} ...), largest first
   * @param timeoutsAcknowledged acknowledged (I99), no final response within the response timeout
   * @param timeoutsUnacknowledged no synchronous answer within the response timeout
   */
  public record Outcomes(long total, long ok, Map<String, Long> errors, long timeoutsAcknowledged,
      long timeoutsUnacknowledged, long inFlight) {

    public long errorCount() {
      long n = 0;
      for (long v : errors.values()) {
        n += v;
      }
      return n;
    }

    public long timeouts() {
      return timeoutsAcknowledged + timeoutsUnacknowledged;
    }

    /** The identity: every request has exactly one outcome or is still in flight. */
    public boolean balanced() {
      return total == ok + errorCount() + timeouts() + inFlight;
    }
  }

  /**
   * Answers that never came or came once too often.
   *
   * @param lost acknowledged and never answered by the end of the grace period (a subset of the
   *     acknowledged timeouts); {@code lostIds} lists them all
   * @param lateAnswers final responses after the request's deadline (the request stays a timeout)
   * @param duplicated a final response for a request that had already been answered
   * @param unknown final responses for RequestIDs this run never sent
   * @param unparsable callback bodies that were not a DUIS response
   * @param callbackAcknowledgements I99 responses POSTed to the callback URL (ignored)
   */
  public record Accounting(long lost, List<String> lostIds, long lateAnswers, long duplicated,
      List<String> duplicatedIds, long unknown, long unparsable, long callbackAcknowledgements) {
  }

  /**
   * Punctuality of the open model.
   *
   * @param onWire requests written to a connection
   * @param late sends more than the late threshold after their intended time
   * @param blocked requests refused by the generator itself ({@code client:overload})
   * @param maxAwaitingAck most requests issued and awaiting their synchronous answer at once
   * @param achievedPerSecond requests put on the wire per second of the run's duration
   * @param signedPreCommands critical requests whose GBCS pre-command came from the Transform Service
   *     and went back signed (command variant 5); each was also one request on the wire before
   * @param preCommandKey the key those pre-commands were signed with
   */
  public record Sends(long onWire, long late, double maxLatenessMs, long blocked, long maxAwaitingAck,
      double achievedPerSecond, long signedPreCommands, PreCommandKey preCommandKey) {

    public Sends {
      java.util.Objects.requireNonNull(preCommandKey, "preCommandKey");
    }
  }

  /** The key a run signs GBCS pre-commands with. */
  public enum PreCommandKey {
    /** The Service User's signing key, {@code --sign-key}. */
    SIGN_KEY("sign-key", "the --sign-key key"),
    /** A P-256 key generated for the run (no {@code --sign-key}). */
    RUN_KEY("run-key", "a P-256 key generated for this run");

    private final String id;
    private final String description;

    PreCommandKey(String id, String description) {
      this.id = id;
      this.description = description;
    }

    /** The name in {@code summary.json}. */
    public String id() {
      return id;
    }

    /** For the console. */
    public String description() {
      return description;
    }
  }

  /** Whole-run histograms in microseconds (the sum of the interval log's histograms). */
  public record Latency(Histogram ack, Histogram e2e, Histogram[] e2eByRegion) {
  }

  /**
   * Per-second series.
   *
   * @param codes outcome code names by index
   * @param perSecond completions by code, and per region sent/ok/failed by intended second
   * @param latency one row per sampled second
   * @param regionsUsed region slots that received traffic
   */
  public record Series(List<String> codes, SecondSeries perSecond, List<LatencyRow> latency, boolean[] regionsUsed) {

    /** The region slots with traffic, in slot order (north, central, south, explicit devices). */
    public List<Integer> usedSlots() {
      List<Integer> used = new java.util.ArrayList<>();
      for (int slot = 0; slot < regionsUsed.length; slot++) {
        if (regionsUsed[slot]) {
          used.add(slot);
        }
      }
      return used;
    }

    /** Region {@code slot}'s requests: {sent, ok, failed}. */
    public long[] regionTotals(int slot) {
      long[] t = new long[3];
      for (int s = 0; s < perSecond.seconds(); s++) {
        for (int k = 0; k < 3; k++) {
          t[k] += perSecond.regionCount(s, slot, k);
        }
      }
      return t;
    }
  }
}
