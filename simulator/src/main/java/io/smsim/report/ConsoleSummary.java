package io.smsim.report;

import io.smsim.metrics.Failover;
import io.smsim.metrics.Incident;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.model.Times;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The console summary of a replay: one table a reviewer reads at a glance, then the incidents and
 * failovers, at most {@link #SHOWN} of each per region (the rest are counted and left to summary.json).
 */
public final class ConsoleSummary {

  /** Incidents and failovers listed per region, as many as the HTML report shows; the rest are counted. */
  public static final int SHOWN = 6;

  private ConsoleSummary() {
  }

  public static void print(RunResult run, PrintWriter out) {
    ZoneId zone = ZoneId.of(run.timeZone());
    Duration span = Duration.between(run.virtualStart(), run.virtualEnd());
    out.printf(Locale.ROOT, "%s · seed %d · replication %d%n", run.title(), run.seed(), run.replication());
    out.printf(Locale.ROOT, "virtual %s → %s %s (%s) · %s requests · %s events%n",
        Times.human(run.virtualStart(), zone), Times.human(run.virtualEnd(), zone), run.timeZone(), span(span),
        group(run.totalRequests()), group(run.events()));
    out.println();
    out.printf(Locale.ROOT, "%-8s %12s %10s %9s %8s %9s %8s %8s %10s %9s %9s%n", "region", "requests", "failed",
        "success", "births", "impacted", "p50 ms", "p99 ms", "peak procs", "failovers", "incidents");
    for (RegionResult r : run.regions()) {
      out.printf(Locale.ROOT, "%-8s %12s %10s %8.3f%% %8s %9s %8.0f %8.0f %10s %9d %9d%n", r.region().key(),
          group(r.requests().total()), group(r.requests().failed()), 100 * r.requests().successRatio(),
          group(r.births().total()), group(r.births().impacted()), r.latencyMs().p50(), r.latencyMs().p99(),
          group(r.peakProcesses()), r.failovers().size(), r.incidents().size());
    }
    long alerts = run.regions().stream().mapToLong(r -> r.alerts().total()).sum();
    if (alerts > 0) {
      StringBuilder line = new StringBuilder("device alerts:");
      for (RegionResult r : run.regions()) {
        line.append(String.format(Locale.ROOT, " %s %s (%s failed)", r.region().key(), group(r.alerts().total()),
            group(r.alerts().failed())));
      }
      out.println(line);
    }
    out.println();
    out.println("Incidents (success ratio below the SLO, 1-minute buckets; local time):");
    boolean any = false;
    for (RegionResult r : run.regions()) {
      int shown = 0;
      for (Incident i : r.incidents()) {
        any = true;
        if (shown++ == SHOWN) {
          break;
        }
        out.printf(Locale.ROOT, "  %-7s %s → %s %s (%.0f min) · detected %s · resolved by %s%n", r.region().key(),
            Times.human(i.start(), zone), i.end() == null ? "ongoing" : Times.clock(i.end(), zone),
            Times.zoneName(i.start(), zone), i.minutes(), Times.clock(i.detectedAt(), zone), i.resolvedBy());
        out.printf(Locale.ROOT, "          birthing events impacted %d · requests failed %s (on-demand %s, firmware %s)%n",
            i.birthingEventsImpacted(), group(i.requestsFailed()), group(i.serviceRequestsFailed()),
            group(i.firmwareRequestsFailed()));
      }
      more(out, r, r.incidents().size(), "incident");
      shown = 0;
      for (Failover f : r.failovers()) {
        if (shown++ == SHOWN) {
          break;
        }
        out.printf(Locale.ROOT, "  %-7s failover %s → %s at %s (%s), serving %s, %d in flight lost%n",
            r.region().key(), f.from(), f.to(), Times.human(f.at(), zone), f.reason(),
            Times.clock(f.servingAt(), zone), f.lostInFlight());
      }
      more(out, r, r.failovers().size(), "failover");
    }
    if (!any) {
      out.println("  none");
    }
    StringBuilder unaffected = new StringBuilder();
    for (RegionResult r : run.regions()) {
      if (r.incidents().isEmpty() && r.requests().failed() == 0) {
        unaffected.append(unaffected.length() == 0 ? "" : ", ").append(r.region().key());
      }
    }
    if (unaffected.length() > 0 && any) {
      out.println("  unaffected: " + unaffected + " (no failed requests)");
    }
  }

  private static void more(PrintWriter out, RegionResult r, int count, String what) {
    if (count > SHOWN) {
      out.printf(Locale.ROOT, "  %-7s … %,d more %ss (%,d in all) — see summary.json%n", r.region().key(),
          count - SHOWN, what, count);
    }
  }

  /** Speed line: events and requests (and alerts, when there are any) per wall-clock second. */
  public static void printSpeed(RunResult run, PrintWriter out) {
    double wall = Math.max(1e-9, run.wallSeconds());
    long alerts = run.totalAlerts();
    String what = alerts == 0 ? group(run.totalRequests()) + " requests"
        : group(run.totalRequests()) + " requests and " + group(alerts) + " alerts";
    out.printf(Locale.ROOT, "simulated %s events and %s in %.2f s: %s events/s, %s requests/s%s%n",
        group(run.events()), what, run.wallSeconds(), group(Math.round(run.events() / wall)),
        group(Math.round(run.totalRequests() / wall)),
        alerts == 0 ? "" : ", " + group(Math.round((run.totalRequests() + alerts) / wall)) + " messages/s");
  }

  static String group(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String span(Duration d) {
    long h = d.toHours();
    return h % 24 == 0 ? (h / 24) + "d" : h >= 24 ? (h / 24) + "d" + (h % 24) + "h" : h + "h" + d.toMinutesPart() + "m";
  }
}
