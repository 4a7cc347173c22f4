package io.smsim.load;

import java.util.Arrays;

/**
 * What the failover bench needs from one worker's book beyond {@link SecondSeries}, per tenth of a
 * second: by intended send time, the synchronous answers by server ({@link ServerNames} slot: how
 * many, how many accepted the request, the intended time of the last answered and of the first
 * accepted request), the outcomes (ok, error, timeout) and the duplicated answers; by arrival time,
 * the first and last successful outcome (for the longest stretch without one). Times are ns
 * after the run's start, stored +1 so that 0 means none. Grows with the run's duration (about 3 kB
 * a second), not its volume. Single-threaded; merged at the end.
 */
public final class AnswerSeries {

  public static final int OK = 0;
  public static final int ERROR = 1;
  public static final int TIMEOUT = 2;
  private static final int PER_SERVER = 4;
  private static final int ANSWERS = 0;
  private static final int ACCEPTED = 1;
  private static final int LAST_ANSWER = 2;
  private static final int FIRST_ACCEPTED = 3;
  private static final int OUTCOMES = ServerNames.MAX * PER_SERVER;
  private static final int OK_FIRST = OUTCOMES + 3;
  private static final int OK_LAST = OK_FIRST + 1;
  private static final int DUPLICATED = OK_LAST + 1;
  private static final int STRIDE = DUPLICATED + 1;
  private static final long TENTH_NANOS = 100_000_000L;

  private long[] a = new long[STRIDE * 64 * SecondSeries.TENTHS];
  private int tenths;

  /** A synchronous answer from {@code server} to the request intended at {@code intendedOffset}. */
  void answered(long intendedOffset, int server, boolean accepted) {
    int i = at(intendedOffset) + server * PER_SERVER;
    a[i + ANSWERS]++;
    a[i + LAST_ANSWER] = Math.max(a[i + LAST_ANSWER], intendedOffset + 1);
    if (accepted) {
      a[i + ACCEPTED]++;
      a[i + FIRST_ACCEPTED] = min(a[i + FIRST_ACCEPTED], intendedOffset + 1);
    }
  }

  /** The request intended at {@code intendedOffset} ended {@link #OK}, in an {@link #ERROR} or a {@link #TIMEOUT}. */
  void outcome(long intendedOffset, int kind) {
    int i = at(intendedOffset); // before reading the field a: at() may grow the array
    a[i + OUTCOMES + kind]++;
  }

  /** A request's successful outcome arrived at {@code arrivalOffset}. */
  void okArrived(long arrivalOffset) {
    int i = at(arrivalOffset);
    a[i + OK_FIRST] = min(a[i + OK_FIRST], arrivalOffset + 1);
    a[i + OK_LAST] = Math.max(a[i + OK_LAST], arrivalOffset + 1);
  }

  /** A duplicated answer to the request intended at {@code intendedOffset} arrived (-1: not known; not counted here). */
  void duplicated(long intendedOffset) {
    if (intendedOffset < 0) {
      return;
    }
    int i = at(intendedOffset);
    a[i + DUPLICATED]++;
  }

  private int at(long offsetNanos) {
    int t = (int) Math.max(0, offsetNanos / TENTH_NANOS);
    int need = (t + 1) * STRIDE;
    if (need > a.length) {
      a = Arrays.copyOf(a, Math.max(need, a.length * 2));
    }
    tenths = Math.max(tenths, t + 1);
    return t * STRIDE;
  }

  private static long min(long stored, long value) {
    return stored == 0 ? value : Math.min(stored, value);
  }

  private long get(int tenth, int field) {
    int i = tenth * STRIDE + field;
    return tenth < tenths && i < a.length ? a[i] : 0;
  }

  /** Tenths of a second covered. */
  public int tenths() {
    return tenths;
  }

  public long answers(int tenth, int server) {
    return get(tenth, server * PER_SERVER + ANSWERS);
  }

  public long accepted(int tenth, int server) {
    return get(tenth, server * PER_SERVER + ACCEPTED);
  }

  /** Intended time of the last request of the tenth that {@code server} answered, or -1. */
  public long lastAnswer(int tenth, int server) {
    return get(tenth, server * PER_SERVER + LAST_ANSWER) - 1;
  }

  /** Intended time of the first request of the tenth that {@code server} accepted, or -1. */
  public long firstAccepted(int tenth, int server) {
    return get(tenth, server * PER_SERVER + FIRST_ACCEPTED) - 1;
  }

  public long outcomes(int tenth, int kind) {
    return get(tenth, OUTCOMES + kind);
  }

  /** Arrival time of the tenth's first successful outcome, or -1. */
  public long okFirst(int tenth) {
    return get(tenth, OK_FIRST) - 1;
  }

  /** Arrival time of the tenth's last successful outcome, or -1. */
  public long okLast(int tenth) {
    return get(tenth, OK_LAST) - 1;
  }

  public long duplicated(int tenth) {
    return get(tenth, DUPLICATED);
  }

  /** Adds {@code other} into this one. */
  void add(AnswerSeries other) {
    if (other.a.length > a.length) {
      a = Arrays.copyOf(a, other.a.length);
    }
    tenths = Math.max(tenths, other.tenths);
    for (int t = 0; t < other.tenths; t++) {
      int base = t * STRIDE;
      for (int f = 0; f < STRIDE; f++) {
        long v = other.a[base + f];
        if (v == 0) {
          continue;
        }
        int field = f < OUTCOMES ? f % PER_SERVER : f;
        boolean first = field == FIRST_ACCEPTED && f < OUTCOMES || f == OK_FIRST;
        boolean last = field == LAST_ANSWER && f < OUTCOMES || f == OK_LAST;
        a[base + f] = first ? min(a[base + f], v) : last ? Math.max(a[base + f], v) : a[base + f] + v;
      }
    }
  }

  AnswerSeries copy() {
    AnswerSeries s = new AnswerSeries();
    s.a = a.clone();
    s.tenths = tenths;
    return s;
  }
}
