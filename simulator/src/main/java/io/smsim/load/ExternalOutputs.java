package io.smsim.load;

import static io.smsim.load.BenchJson.round;

import io.smsim.output.OutputFiles;
import io.smsim.report.Html;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the failover bench against an external system prints and writes: each run's block (its
 * commands, the ledger by phase, the event's times, the servers, the requests lost with the old
 * server), the summary across repeats per rate, and {@code report.html} (the load charts of each run
 * with the fault, the restore, the switch and the recovery marked); {@code bench.json} is
 * {@link ExternalBenchJson}'s.
 */
public final class ExternalOutputs {

  /** Lost requests named on the console and in bench.json per run (all of them are in the run's lost.txt). */
  private static final int LISTED = 10;
  private static final String[] PHASE_HEAD = {"phase", "from", "to", "requests", "ok", "failed", "timed out", "lost",
      "duplicated", "ack p50", "ack p99", "e2e p50", "e2e p99"};

  private ExternalOutputs() {
  }

  /** Every run's block, then the summary across repeats. */
  public static void print(ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes, PrintWriter out) {
    for (ExternalBench.Outcome o : outcomes) {
      printRun(plan, o, out);
    }
    RepeatSummary.print(ExternalBench.summaries(outcomes), plan.repeats(), "rate/s", out);
    out.flush();
  }

  static void printRun(ExternalBench.Plan plan, ExternalBench.Outcome o, PrintWriter out) {
    ExternalMeasures m = o.measures();
    LoadResult.Outcomes r = o.load().outcomes();
    out.printf(Locale.ROOT, "failover-bench %s · %s/s · run %d of %d · %s%n", plan.target(), Format.number(o.rate()),
        o.repeat(), plan.repeats(), o.dir());
    for (BenchCommand.Run c : o.commands()) {
      out.println("  " + c.line() + (c.ok() ? "" : "   <- FAILED"));
    }
    long lost = o.load().accounting().lost();
    out.printf(Locale.ROOT, "  requests %s = ok %s + failed %s + timed out %s + lost %s   (%s)%n", Format.count(r.total()),
        Format.count(r.ok()), Format.count(r.errorCount()), Format.count(r.timeouts() - lost), Format.count(lost),
        m.exact(o.load()) ? "every request accounted for" : "DOES NOT ADD UP");
    if (!r.errors().isEmpty()) {
      List<String> codes = new ArrayList<>();
      r.errors().forEach((code, n) -> codes.add(code + " " + Format.count(n)));
      out.println("  failed by code: " + String.join(" · ", codes));
    }
    table(phaseRows(m), PHASE_HEAD, out);
    out.printf(Locale.ROOT, "  onset %s · recovery %s · failed in the outage %s · longest gap without a success %s"
        + " (from %s)%n", time(m.onset()), time(m.recovery()), Format.count(m.failedInEvent()), time(m.gap()),
        time(m.gapStart()));
    if (plan.serverHeader() != null) {
      List<String> parts = new ArrayList<>();
      for (ExternalMeasures.ServerCount s : m.servers()) {
        parts.add(s.name() + " " + Format.count(s.answered()) + " (accepted " + Format.count(s.accepted()) + ")");
      }
      out.println("  answered by (" + plan.serverHeader() + "): " + (parts.isEmpty() ? "none" : String.join(" · ", parts)));
      if (m.newServer() == null) {
        out.println("  no switch: no server but " + name(m.oldServer()) + " accepted a request sent after the fault");
      } else {
        out.printf(Locale.ROOT, "  detection %s (fault -> last answer from %s) · switchover %s (-> first accepted by %s)"
          + " · fail-back %s%n", time(m.detection()), name(m.oldServer()), time(m.switchover()), name(m.newServer()),
          Double.isNaN(m.failback()) ? "-" : time(m.failback()) + (Double.isNaN(m.restoreAtSeconds())
              ? " after the fault" : " after the restore"));
      }
      List<LoadResult.Lost> withOld = m.lostWithOldServer();
      if (!withOld.isEmpty()) {
        out.println("  lost with " + m.oldServer() + "'s pending final responses: " + withOld.size() + ": "
            + ids(withOld, LISTED) + (withOld.size() > LISTED ? " ... (all in lost.txt)" : ""));
      }
    }
    for (Slo.Verdict v : o.slo()) {
      out.println("  SLO " + v.line());
    }
  }

  private static List<String[]> phaseRows(ExternalMeasures m) {
    List<String[]> rows = new ArrayList<>();
    for (ExternalMeasures.Phase p : m.phases()) {
      rows.add(new String[] {p.name(), Format.seconds(round(p.fromSeconds())), Format.seconds(round(p.toSeconds())),
          Format.count(p.requests()), Format.count(p.ok()), Format.count(p.failed()), Format.count(p.timedOut()),
          Format.count(p.lost()), Format.count(p.duplicated()), ms(p.ackP50Ms()), ms(p.ackP99Ms()), ms(p.e2eP50Ms()),
          ms(p.e2eP99Ms())});
    }
    return rows;
  }

  private static void table(List<String[]> rows, String[] head, PrintWriter out) {
    int[] width = new int[head.length];
    for (int c = 0; c < head.length; c++) {
      width[c] = head[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    line(head, width, out);
    for (String[] r : rows) {
      line(r, width, out);
    }
  }

  private static void line(String[] cells, int[] width, PrintWriter out) {
    StringBuilder b = new StringBuilder("  ");
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(width[c] - cells[c].length());
      b.append(c == 0 ? cells[c] + pad : pad + cells[c]).append("  ");
    }
    out.println(b.toString().stripTrailing());
  }

  private static String ids(List<LoadResult.Lost> lost, int max) {
    List<String> l = new ArrayList<>();
    for (int i = 0; i < Math.min(max, lost.size()); i++) {
      l.add(lost.get(i).requestId());
    }
    return String.join(", ", l);
  }

  private static String name(String server) {
    return server == null ? "-" : server;
  }

  private static String time(double s) {
    return Double.isNaN(s) ? "-" : Format.seconds(round(s));
  }

  private static String ms(double v) {
    return Double.isNaN(v) ? "-" : Format.ms(v);
  }


  /** Writes bench.json and report.html into {@code dir}; returns their paths. */
  public static List<Path> write(Path dir, ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes) {
    try {
      Files.createDirectories(dir);
      Path json = OutputFiles.writeString(dir.resolve("bench.json"), ExternalBenchJson.json(plan, outcomes, dir));
      Path html = dir.resolve("report.html");
      List<LoadReportHtml.Run> runs = new ArrayList<>();
      for (ExternalBench.Outcome o : outcomes) {
        runs.add(new LoadReportHtml.Run(dir.relativize(o.dir()).toString(), Format.number(o.rate())
            + " requests/s, run " + o.repeat(), o.load(), markers(o.measures()), -1));
      }
      LoadReportHtml.write(html, "smsim failover-bench · " + plan.target(), header(plan, outcomes), runs);
      return List.of(json, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + dir, e);
    }
  }

  private static List<LoadReportHtml.Marker> markers(ExternalMeasures m) {
    List<LoadReportHtml.Marker> list = new ArrayList<>();
    double f = m.faultAtSeconds();
    list.add(new LoadReportHtml.Marker(f, "fault command"));
    if (!Double.isNaN(m.restoreAtSeconds())) {
      list.add(new LoadReportHtml.Marker(m.restoreAtSeconds(), "restore command"));
    }
    add(list, f, m.detection(), "last answer from " + name(m.oldServer()));
    add(list, f, m.detection() + m.switchover(), "first accepted by " + name(m.newServer()));
    add(list, f, m.recovery(), "recovered");
    double back = Double.isNaN(m.restoreAtSeconds()) ? f : m.restoreAtSeconds();
    if (!Double.isNaN(m.failback())) {
      list.add(new LoadReportHtml.Marker(back + m.failback(), "fail-back to " + name(m.oldServer())));
    }
    return list;
  }

  private static void add(List<LoadReportHtml.Marker> list, double fault, double after, String label) {
    if (!Double.isNaN(after)) {
      list.add(new LoadReportHtml.Marker(fault + after, label));
    }
  }

  /** The report's header: each run's printed block, and the summary, as preformatted text. */
  private static String header(ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes) {
    StringWriter w = new StringWriter();
    print(plan, outcomes, new PrintWriter(w));
    return "<header>\n<h1>Failover bench: " + Html.text(plan.target().toString()) + "</h1>\n"
        + "<p class=\"explain\">The user's own system under open-model load; fault and restore by the user's commands."
        + " Times are seconds after the fault command started; the charts mark the commands, the last answer from the"
        + " old server, the first accepted by the new one, the recovery and the fail-back.</p>\n<pre id=\"bench\">"
        + Html.text(w.toString()) + "</pre>\n</header>\n";
  }
}
