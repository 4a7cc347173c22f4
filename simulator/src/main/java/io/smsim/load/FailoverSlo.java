package io.smsim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks the objectives of either failover bench ({@link Slo#parseFailover}) against one run: the
 * event's times ({@link Event}, in seconds; {@code recovery} is 0 when the fault had no impact),
 * {@code failed} (the requests sent during the outage that failed, a count or a share of all
 * requests), and every load metric as {@code smsim load} checks it. One place for both benches.
 */
public final class FailoverSlo {

  /** What a failover bench measured of the event; NaN: it did not happen (an objective on it is breached). */
  public interface Event {
    /** Fault → the first failure beyond the pre-fault failure rate ({@link Outage}). */
    double onset();

    /** Fault → the system stopped sending to the failed server. */
    double detection();

    /** Detection → the first request the standby served. */
    double switchover();

    /** Fault → steady again ({@link Outage}). */
    double recovery();

    /** The longest stretch with no successful outcome. */
    double gap();

    /** Restore (or fault) → the old server serving again. */
    double failback();

    /** Requests sent from the fault to the recovery that failed. */
    long failedInEvent();
  }

  /** The event metrics the in-process bench does not measure ({@code --slo} refuses them there). */
  public static final Set<String> TARGET_ONLY = Set.of("gap", "failback");

  private FailoverSlo() {
  }

  /** The verdicts of {@code clauses} on a run. */
  public static List<Slo.Verdict> evaluate(List<Slo.Clause> clauses, LoadResult r, Event m) {
    List<Slo.Verdict> out = new ArrayList<>();
    for (Slo.Clause c : clauses) {
      out.add(Slo.verdict(c, actual(c, r, m)));
    }
    return out;
  }

  private static double actual(Slo.Clause c, LoadResult r, Event m) {
    double seconds = switch (c.metric()) {
      case "onset" -> m.onset();
      case "detection" -> m.detection();
      case "switchover" -> m.switchover();
      case "recovery" -> Double.isNaN(m.onset()) ? 0 : m.recovery(); // no impact: nothing to recover from
      case "gap" -> m.gap();
      case "failback" -> m.failback();
      default -> Double.NEGATIVE_INFINITY;
    };
    if (seconds != Double.NEGATIVE_INFINITY) {
      return seconds * 1000; // latency clauses are in ms
    }
    if (c.metric().equals("failed")) {
      long total = r.outcomes().total();
      return c.kind() == Slo.Kind.SHARE ? (total == 0 ? 0 : (double) m.failedInEvent() / total) : m.failedInEvent();
    }
    return Slo.actual(c, r);
  }
}
