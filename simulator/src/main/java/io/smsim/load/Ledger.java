package io.smsim.load;

import io.smsim.duis.DuisResponse;
import io.smsim.duis.RequestId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One worker's book of its requests: each request's state from issue to outcome
 * ({@link PendingRing}), the outcome counts and per-second series, and the answers that should not
 * have come (late, duplicated, unknown) or never came (lost). A request's life: QUEUED → SENT →
 * ACKED (I99) → DONE, or DONE from any state with its one outcome. Deadlines are the intended send
 * time plus the response timeout, so {@link #expire} scans from the oldest request and stops at the
 * first one still in time. Runs on the worker's event loop only.
 *
 * <p>A critical request takes DUIS's two steps: its transform (command variant 4) is answered with
 * a GBCS pre-command, synchronously (I0, as DCC Boxed does) or in a callback after an I99; the
 * worker signs it and the request goes out again, {@link PendingRing#TRANSFORMED}, as a signed
 * pre-command (command variant 5) whose acknowledgement and final response are the request's. The
 * transform's answer is never an outcome: a request's outcome is its device's. Its acknowledgement
 * latency runs from the intended send to the signed pre-command's acknowledgement, and its
 * deadline stays the intended send plus the response timeout.
 */
final class Ledger {

  private static final int MAX_LISTED_DUPLICATES = 100_000;
  /** Outcome of a critical request whose transform was answered I0 without a pre-command. */
  static final String NO_PRE_COMMAND = "transform:no-pre-command";
  /**
   * Outcome, with {@code --ack-only}, of a critical request whose transform was acknowledged (I99):
   * its pre-command would come in a callback, which an ack-only run does not receive.
   */
  static final String PRE_COMMAND_BY_CALLBACK = "transform:pre-command-by-callback";

  /** Closes the connection carrying request {@code seq}; false when it no longer carries it. */
  interface Closer {
    boolean close(int connection, long seq);
  }

  private final LoadOptions options;
  private final LoadStats stats;
  private final int index;
  private final int workers;
  private final long timeoutNanos;
  private final PendingRing ring = new PendingRing(1024);
  private final Unanswered unanswered = new Unanswered();
  private final SecondSeries series = new SecondSeries();
  private final AnswerSeries answers = new AnswerSeries();
  private final SendTenths sendTenths = new SendTenths();
  private final long[] byCode = new long[Codes.MAX];
  private final boolean[] critical;
  /** Signed pre-commands of requests whose pre-command came in a callback, until sent (rare: a map). */
  private final Map<Long, String> laterPreCommands = new HashMap<>();
  private final List<String> duplicatedIds = new ArrayList<>();
  private long t0;
  private long issued;
  private int awaiting;
  private int maxAwaiting;
  private long lateAnswers;
  private long duplicated;
  private long unknown;
  private long transformed;

  /** {@code critical[i]}: whether catalogue SRV {@code i} is critical (sent to the Transform Service first). */
  Ledger(LoadOptions options, LoadStats stats, int index, int workers, boolean[] critical) {
    this.options = options;
    this.stats = stats;
    this.index = index;
    this.workers = workers;
    this.timeoutNanos = options.responseTimeoutNanos();
    this.critical = critical.clone();
  }

  void start(long startNanos) {
    t0 = startNanos;
  }

  /** A new request, QUEUED; returns its sequence number. */
  long issue(long intended, long target, int srv, int region) {
    long seq = ring.add(intended, target, srv, region);
    sendTenths.issued(seq, intended - t0);
    issued++;
    stats.issued.increment();
    series.region(intended - t0, region, SecondSeries.SENT);
    maxAwaiting = Math.max(maxAwaiting, ++awaiting);
    return seq;
  }

  /** Requests issued and not yet answered synchronously (queued or on the wire). */
  int awaiting() {
    return awaiting;
  }

  boolean isQueued(long seq) {
    return ring.has(seq) && ring.state(ring.slot(seq)) == PendingRing.QUEUED;
  }

  /**
   * Whether queued request {@code seq} may still go on the wire at {@code now}; if its deadline has
   * passed while it waited for a connection, it ends as a timeout here and must not be sent (a request
   * sent after its deadline would hold a connection for an outcome already decided).
   */
  boolean sendable(long seq, long now) {
    if (!isQueued(seq)) {
      return false;
    }
    int s = ring.slot(seq);
    if (ring.intended(s) + timeoutNanos > now) {
      return true;
    }
    finishUnanswered(seq, s, Codes.TIMEOUT_NO_ACK, false, now);
    return false;
  }

  /**
   * At the end of a run, after every deadline: ends each request still without an outcome as the
   * timeout it is (acknowledged or not), wherever {@link #expire} stopped, so that every request has
   * its one outcome even when a starved event loop could not expire them in time.
   */
  void endOverdue(long now) {
    for (long seq = ring.base(); seq < ring.next(); seq++) {
      int s = ring.slot(seq);
      byte state = ring.state(s);
      if (state == PendingRing.DONE || ring.intended(s) + timeoutNanos > now) {
        continue;
      }
      finishUnanswered(seq, s, state == PendingRing.ACKED ? Codes.TIMEOUT : Codes.TIMEOUT_NO_ACK,
          state == PendingRing.ACKED, now);
    }
  }

  /** A request that was never sent ends with {@code code} (client:overload, transport:connect). */
  void refuse(long seq, int code, long now) {
    int s = ring.slot(seq);
    if (ring.flag(s, PendingRing.TRANSFORMED)) { // its transform did go out
      forget(seq);
    } else {
      ring.set(s, PendingRing.NEVER_SENT);
    }
    finish(s, code, now);
  }

  /** {@code seq} went on the wire on {@code connection}; returns its intended send time. */
  long sent(long seq, int connection) {
    int s = ring.slot(seq);
    ring.state(s, PendingRing.SENT);
    ring.set(s, PendingRing.ON_WIRE);
    ring.connection(s, connection);
    return ring.intended(s);
  }

  int srv(long seq) {
    return ring.srv(ring.slot(seq));
  }

  long target(long seq) {
    return ring.target(ring.slot(seq));
  }

  /** The request's RequestID counter. */
  long counter(long seq) {
    return options.counterBase() + seq * workers + index + 1;
  }

  /** The request's RequestID. */
  RequestId requestId(long seq) {
    return new RequestId(options.originator(), target(seq), counter(seq));
  }

  /**
   * Whether {@code seq} is a critical request on the wire whose Transform Service answer is due:
   * a synchronous I0 carrying its pre-command is then the worker's to sign ({@link #transformed}).
   */
  boolean awaitsPreCommand(long seq) {
    if (seq < 0 || !ring.has(seq)) {
      return false;
    }
    int s = ring.slot(seq);
    return ring.state(s) == PendingRing.SENT && isTransformLeg(s);
  }

  private boolean isTransformLeg(int s) {
    return critical[ring.srv(s)] && !ring.flag(s, PendingRing.TRANSFORMED);
  }

  /**
   * The pre-command of {@code seq} came synchronously and is signed: the same connection carries
   * the signed pre-command next. Not an acknowledgement and not an outcome.
   */
  void transformed(long seq) {
    int s = ring.slot(seq);
    ring.set(s, PendingRing.TRANSFORMED);
    transformed++;
  }

  /**
   * Whether a callback may carry the pre-command of {@code seq}: a critical request to
   * {@code target} whose transform is on the wire or was acknowledged (I99).
   */
  boolean awaitsPreCommandCallback(long seq, long target) {
    if (seq < 0 || !ring.has(seq)) {
      return false;
    }
    int s = ring.slot(seq);
    byte state = ring.state(s);
    return (state == PendingRing.ACKED || state == PendingRing.SENT) && isTransformLeg(s) && ring.target(s) == target;
  }

  /**
   * The pre-command of {@code seq} came in a callback and is signed ({@code signedPreCommand},
   * base64). Returns true when the request now waits for a connection to send it (its transform was
   * acknowledged); false when the callback overtook the transform's acknowledgement, which then
   * sends it ({@link #signedPreCommandBeforeAck}).
   */
  boolean transformedByCallback(long seq, String signedPreCommand) {
    int s = ring.slot(seq);
    laterPreCommands.put(seq, signedPreCommand);
    if (ring.state(s) != PendingRing.ACKED) {
      return false;
    }
    ring.set(s, PendingRing.TRANSFORMED);
    ring.state(s, PendingRing.QUEUED);
    awaiting++;
    transformed++;
    return true;
  }

  /**
   * The signed pre-command of {@code seq} when its callback came before the transform's
   * acknowledgement that just arrived ({@code null} otherwise); the request is then transformed and
   * the connection that carried the transform carries it.
   */
  String signedPreCommandBeforeAck(long seq) {
    if (laterPreCommands.isEmpty() || seq < 0 || !ring.has(seq)) {
      return null;
    }
    int s = ring.slot(seq);
    if (ring.state(s) != PendingRing.SENT || !isTransformLeg(s)) {
      return null;
    }
    String signed = laterPreCommands.remove(seq);
    if (signed != null) {
      transformed(seq);
    }
    return signed;
  }

  private void forget(long seq) {
    if (!laterPreCommands.isEmpty()) {
      laterPreCommands.remove(seq);
    }
  }

  /** The signed pre-command {@link #transformedByCallback} keeps for {@code seq} until it is sent. */
  String takeSignedPreCommand(long seq) {
    return laterPreCommands.remove(seq);
  }

  /**
   * The pre-command of {@code seq} is not one for the request (or not a GBCS command at all): the
   * request ends as {@value PreCommandSigner#BAD_PRE_COMMAND}. {@code answered}: it came as the
   * transform's synchronous answer (which ends the request's synchronous part).
   */
  void preCommandRefused(long seq, boolean answered, long now) {
    int s = ring.slot(seq);
    forget(seq);
    if (answered) {
      ring.clear(s, PendingRing.ON_WIRE);
      stats.recordAck(now - ring.intended(s));
    }
    finish(s, stats.codes.index(PreCommandSigner.BAD_PRE_COMMAND), now);
  }

  /** Whether what goes on the wire for {@code seq} is its signed pre-command. */
  boolean isTransformed(long seq) {
    return ring.flag(ring.slot(seq), PendingRing.TRANSFORMED);
  }

  /**
   * The synchronous answer to {@code seq} ({@code status} 0: malformed HTTP) from {@code server}
   * (a {@link ServerNames} slot): I99 acknowledges, I0 succeeds, anything else is an error. A
   * critical request's transform answered I0 without a pre-command ends as {@value #NO_PRE_COMMAND};
   * answered I99, it waits for its pre-command in a callback ({@value #PRE_COMMAND_BY_CALLBACK} with
   * {@code --ack-only}). False
   * when the answer belongs to no request on the wire.
   */
  boolean answered(long seq, int status, String code, int server, long now) {
    if (seq < 0 || !ring.has(seq)) {
      return false;
    }
    int s = ring.slot(seq);
    ring.clear(s, PendingRing.ON_WIRE);
    stats.recordAck(now - ring.intended(s));
    ring.server(s, server);
    answers.answered(ring.intended(s) - t0, server, status == 200 && ("I99".equals(code) || "I0".equals(code)));
    forget(seq); // a signed pre-command kept for it is never sent now
    if (ring.state(s) != PendingRing.SENT) {
      return true; // its outcome came first: a timeout, or a final response before the acknowledgement
    }
    boolean transformLeg = isTransformLeg(s);
    if (status == 200 && "I99".equals(code) && !options.ackOnly()) {
      awaiting--;
      ring.state(s, PendingRing.ACKED);
    } else if (status == 200 && "I0".equals(code) && transformLeg) {
      finish(s, stats.codes.index(NO_PRE_COMMAND), now);
    } else if (status == 200 && "I99".equals(code) && transformLeg) {
      finish(s, stats.codes.index(PRE_COMMAND_BY_CALLBACK), now);
    } else if (status == 200 && ("I99".equals(code) || "I0".equals(code))) {
      finish(s, Codes.OK, now);
    } else {
      finish(s, stats.codes.index(code != null ? "ack:" + code : status == 0 ? "http:malformed" : "http:" + status),
          now);
    }
    return true;
  }

  /** The connection carrying {@code seq} closed before its answer. */
  void closed(long seq, long now) {
    if (seq < 0 || !ring.has(seq)) {
      return;
    }
    int s = ring.slot(seq);
    ring.clear(s, PendingRing.ON_WIRE);
    if (ring.state(s) == PendingRing.SENT) {
      finishUnanswered(seq, s, Codes.CLOSED, false, now);
    }
  }

  /**
   * A final response for request {@code seq}, received at {@code now}; {@code signatureRefusal}
   * ({@code signature:<reason>}) is the request's outcome instead of the response's code when the
   * response's signature was not accepted, else {@code null}.
   */
  void finalResponse(DuisResponse r, long seq, long now, String signatureRefusal) {
    if (seq >= ring.next()) {
      unknown++;
      return;
    }
    if (!ring.has(seq)) {
      answeredAgain(seq, r);
      return;
    }
    int s = ring.slot(seq);
    if (r.requestId().target() != ring.target(s)) {
      unknown++;
      return;
    }
    byte state = ring.state(s);
    if (state == PendingRing.SENT || state == PendingRing.ACKED) {
      stats.recordE2e(ring.region(s), now - ring.intended(s));
      int code = signatureRefusal != null ? stats.codes.index(signatureRefusal)
          : r.isSuccess() ? Codes.OK : stats.codes.index(r.responseCode());
      finish(s, code, now);
    } else if (state == PendingRing.QUEUED || ring.flag(s, PendingRing.NEVER_SENT)) {
      unknown++;
    } else {
      answeredAgain(seq, r);
    }
  }

  /** A final response for a request that already has its outcome: late (its first answer) or duplicated. */
  private void answeredAgain(long seq, DuisResponse r) {
    int p = unanswered.find(seq);
    if (p >= 0 && unanswered.target(p) != r.requestId().target()) {
      unknown++;
    } else if (p >= 0 && !unanswered.flag(p, Unanswered.ANSWERED_LATE)) {
      unanswered.set(p, Unanswered.ANSWERED_LATE);
      lateAnswers++;
    } else {
      duplicated++;
      answers.duplicated(sendTenths.offsetOf(seq)); // by the request's intended send time, as every outcome
      if (duplicatedIds.size() < MAX_LISTED_DUPLICATES) {
        duplicatedIds.add(r.requestId().format());
      }
    }
  }

  private void finish(int s, int code, long now) {
    byte state = ring.state(s);
    if (state == PendingRing.QUEUED || state == PendingRing.SENT) {
      awaiting--;
    }
    ring.state(s, PendingRing.DONE);
    series.completed(second(now), code);
    long offset = ring.intended(s) - t0;
    series.region(offset, ring.region(s), code == Codes.OK ? SecondSeries.OK : SecondSeries.FAILED);
    byCode[code]++;
    answers.outcome(offset, code == Codes.OK ? AnswerSeries.OK : Codes.isTimeout(code) ? AnswerSeries.TIMEOUT
        : AnswerSeries.ERROR);
    if (code == Codes.OK) {
      stats.ok.increment();
      answers.okArrived(now - t0);
    } else {
      series.failedAt(offset, ring.region(s));
      (Codes.isTimeout(code) ? stats.timeouts : stats.errors).increment();
    }
  }

  /** Ends a request that got no answer: remembered, so that a late answer is not taken for a duplicate. */
  private void finishUnanswered(long seq, int s, int code, boolean acknowledged, long now) {
    if (Codes.isTimeout(code)) {
      // Censored at the deadline: the true latency is at least this (coordinated-omission-free).
      if (!acknowledged) {
        stats.recordAck(timeoutNanos);
      }
      stats.recordE2e(ring.region(s), timeoutNanos);
    }
    if (ring.state(s) == PendingRing.QUEUED && ring.flag(s, PendingRing.TRANSFORMED)) {
      forget(seq); // waited for a connection with its signed pre-command: its transform was answered
      ring.set(s, PendingRing.ENDED_UNANSWERED);
      unanswered.add(seq, ring.target(s), acknowledged, ring.intended(s) - t0, ring.server(s));
    } else if (ring.state(s) == PendingRing.QUEUED) {
      ring.set(s, PendingRing.NEVER_SENT);
    } else {
      ring.set(s, PendingRing.ENDED_UNANSWERED);
      unanswered.add(seq, ring.target(s), acknowledged, ring.intended(s) - t0, ring.server(s));
    }
    finish(s, code, now);
  }

  /** Ends every request past its deadline and retires finished ones; {@code closer} frees hung connections. */
  void expire(long now, Closer closer) {
    while (ring.size() > 0) {
      long seq = ring.base();
      int s = ring.slot(seq);
      byte state = ring.state(s);
      if (state == PendingRing.DONE && !ring.flag(s, PendingRing.ON_WIRE)) {
        ring.retire();
        continue;
      }
      if (ring.intended(s) + timeoutNanos > now) {
        return;
      }
      if (state == PendingRing.ACKED) {
        finishUnanswered(seq, s, Codes.TIMEOUT, true, now);
        continue;
      }
      if (state != PendingRing.DONE) {
        finishUnanswered(seq, s, Codes.TIMEOUT_NO_ACK, false, now);
      }
      if (ring.flag(s, PendingRing.ON_WIRE)) {
        if (!closer.close(ring.connection(s), seq)) {
          ring.clear(s, PendingRing.ON_WIRE);
          continue;
        }
        return; // retired once its connection has closed
      }
    }
  }

  /** Requests not yet retired (some have their outcome and wait for their connection). */
  long open() {
    return ring.size();
  }

  private int second(long nanos) {
    return (int) Math.max(0, (nanos - t0) / 1_000_000_000L);
  }

  /** The book's totals at the end of a run. */
  record Totals(long issued, long[] byCode, long inFlight, int maxAwaiting, long lateAnswers, long duplicated,
      List<String> duplicatedIds, long unknown, List<String> lostIds, List<Lost> lost, SecondSeries series,
      AnswerSeries answers, long transformed) {
  }

  /** A lost request: its RequestID, intended send time (ns after the start) and the server that acknowledged it. */
  record Lost(String requestId, long counter, long intendedOffset, int server) {
  }

  Totals totals() {
    long inFlight = 0;
    for (long q = ring.base(); q < ring.next(); q++) {
      inFlight += ring.state(ring.slot(q)) == PendingRing.DONE ? 0 : 1;
    }
    List<Lost> lost = new ArrayList<>();
    unanswered.forEach((seq, target, flags, intendedOffset, server) -> {
      if ((flags & Unanswered.ACKNOWLEDGED) != 0 && (flags & Unanswered.ANSWERED_LATE) == 0) {
        long counter = counter(seq);
        lost.add(new Lost(new RequestId(options.originator(), target, counter).format(), counter, intendedOffset,
            server));
      }
    });
    lost.sort((a, b) -> Long.compare(a.counter(), b.counter()));
    List<String> lostIds = new ArrayList<>(lost.size());
    for (Lost l : lost) {
      lostIds.add(l.requestId());
    }
    return new Totals(issued, byCode.clone(), inFlight, maxAwaiting, lateAnswers, duplicated,
        List.copyOf(duplicatedIds), unknown, lostIds, List.copyOf(lost), series.copy(), answers.copy(), transformed);
  }
}
