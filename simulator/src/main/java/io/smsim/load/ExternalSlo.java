package io.smsim.load;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the failover bench's objectives ({@link Slo#parseFailover}) against one run: the event's
 * times from {@link ExternalMeasures} (seconds after the fault; {@code gap} is the longest stretch
 * without a success; {@code recovery} is 0 when the fault had no impact), {@code failed} (the
 * requests sent during the outage that failed), and every
 * load metric as {@code smsim load} checks it.
 */
final class ExternalSlo {

  private ExternalSlo() {
  }

  static List<Slo.Verdict> evaluate(List<Slo.Clause> clauses, LoadResult r, ExternalMeasures m) {
    List<Slo.Verdict> out = new ArrayList<>();
    for (Slo.Clause c : clauses) {
      out.add(Slo.verdict(c, actual(c, r, m)));
    }
    return out;
  }

  private static double actual(Slo.Clause c, LoadResult r, ExternalMeasures m) {
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
