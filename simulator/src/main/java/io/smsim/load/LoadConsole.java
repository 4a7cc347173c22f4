package io.smsim.load;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The console table at the end of a load run: the accounting identity, errors, lost and duplicated, sends, latency, SLOs. */
public final class LoadConsole {

  private LoadConsole() {
  }

  public static void print(LoadResult r, List<Slo.Verdict> slo, PrintWriter out) {
    LoadResult.Setup s = r.setup();
    out.printf(Locale.ROOT, "smsim load -> %s · %s for %s · %d connections · %d threads%n", s.target(), s.pacing(),
        Format.seconds(s.durationSeconds()), s.connections(), s.threads());
    out.println("  " + (s.ackOnly() ? "ack-only: the synchronous answer is the outcome" : "final responses at "
        + s.callbackUrl()));
    LoadResult.Outcomes o = r.outcomes();
    out.printf(Locale.ROOT, "requests  %s = ok %s + errors %s + timeouts %s + in flight %s   %s%n",
        Format.count(o.total()), Format.count(o.ok()), Format.count(o.errorCount()), Format.count(o.timeouts()),
        Format.count(o.inFlight()), o.balanced() ? "(every request accounted for)" : "(DOES NOT ADD UP)");
    out.println("errors    " + (o.errors().isEmpty() ? "none" : joined(o.errors())));
    out.printf(Locale.ROOT, "timeouts  acknowledged %s · unacknowledged %s (response timeout %s from the intended send)%n",
        Format.count(o.timeoutsAcknowledged()), Format.count(o.timeoutsUnacknowledged()),
        Format.seconds(s.responseTimeoutSeconds()));
    LoadResult.Accounting a = r.accounting();
    out.printf(Locale.ROOT, "answers   lost %s · duplicated %s · late %s · unknown %s · unparsable %s%n",
        Format.count(a.lost()), Format.count(a.duplicated()), Format.count(a.lateAnswers()), Format.count(a.unknown()),
        Format.count(a.unparsable()));
    LoadResult.Sends d = r.sends();
    out.printf(Locale.ROOT, "sends     on the wire %s · %s/s · late %s (max lateness %s, threshold %s) · blocked %s%s%n",
        Format.count(d.onWire()), Format.number(Math.round(d.achievedPerSecond() * 10) / 10.0), Format.count(d.late()),
        Format.ms(d.maxLatenessMs()), Format.ms(s.lateThresholdMs()), Format.count(d.blocked()),
        d.signedPreCommands() == 0 ? "" : " · signed pre-commands " + Format.count(d.signedPreCommands())
            + " (with " + d.preCommandKey().description() + ")");
    out.printf(Locale.ROOT, "latency   %10s %10s %10s %10s %10s %10s%n", "count", "p50", "p90", "p99", "p99.9", "max");
    latency("ack", r.latency().ack(), out);
    if (!s.ackOnly()) {
      latency("e2e", r.latency().e2e(), out);
    }
    regions(r, out);
    for (Slo.Verdict v : slo) {
      out.println("SLO       " + v.line());
    }
    out.flush();
  }

  private static void latency(String name, Histogram h, PrintWriter out) {
    out.printf(Locale.ROOT, "  %-6s  %10s %10s %10s %10s %10s %10s%n", name, Format.count(h.getTotalCount()),
        Format.ms(IntervalSampler.ms(h, 50)), Format.ms(IntervalSampler.ms(h, 90)), Format.ms(IntervalSampler.ms(h, 99)),
        Format.ms(IntervalSampler.ms(h, 99.9)), Format.ms(IntervalSampler.max(h)));
  }

  private static void regions(LoadResult r, PrintWriter out) {
    List<Integer> used = r.series().usedSlots();
    if (used.size() < 2) {
      return;
    }
    out.printf(Locale.ROOT, "region    %10s %10s %10s %10s%n", "requests", "ok", "failed", "e2e p99");
    for (int slot : used) {
      long[] t = r.series().regionTotals(slot);
      out.printf(Locale.ROOT, "  %-8s%10s %10s %10s %10s%n", Traffic.regionKey(slot), Format.count(t[0]),
          Format.count(t[1]), Format.count(t[2]), Format.ms(IntervalSampler.ms(r.latency().e2eByRegion()[slot], 99)));
    }
  }

  private static String joined(Map<String, Long> errors) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : errors.entrySet()) {
      b.append(b.length() == 0 ? "" : " · ").append(e.getKey()).append(' ').append(Format.count(e.getValue()));
    }
    return b.toString();
  }
}
