package io.smsim.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
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
 * server), the summary across repeats per rate, {@code bench.json} and {@code report.html} (the
 * load charts of each run with the fault, the restore, the switch and the recovery marked).
 */
public final class ExternalOutputs {

  private static final JsonFactory FACTORY = new JsonFactory();
  /** Lost requests named on the console and in bench.json per run (all of them are in the run's lost.txt). */
  private static final int LISTED = 10;
  private static final int LISTED_JSON = 1000;
  private static final String[] PHASE_HEAD = {"phase", "from", "to", "requests", "ok", "failed", "timed out", "lost",
      "duplicated", "ack p50", "ack p99", "e2e p50", "e2e p99"};

  private ExternalOutputs() {
  }

  /** Every run's block, then the summary across repeats. */
  public static void print(ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes, PrintWriter out) {
    for (ExternalBench.Outcome o : outcomes) {
      printRun(plan, o, out);
    }
    printSummary(plan, outcomes, out);
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

  private static void printSummary(ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes, PrintWriter out) {
    out.println("summary: median [min, max] across " + plan.repeats() + " repeat" + (plan.repeats() == 1 ? "" : "s")
        + " per rate; times in seconds after the fault; n = runs where it happened");
    List<ExternalSummary> summaries = ExternalSummary.of(outcomes);
    List<String> head = new ArrayList<>(List.of("rate/s"));
    summaries.get(0).stats().forEach(s -> head.add(s.name()));
    List<String[]> rows = new ArrayList<>();
    for (ExternalSummary s : summaries) {
      List<String> row = new ArrayList<>(List.of(Format.number(s.rate())));
      for (ExternalSummary.Stat st : s.stats()) {
        row.add(stat(st, s.runs()));
      }
      rows.add(row.toArray(new String[0]));
    }
    table(rows, head.toArray(new String[0]), out);
  }

  private static String stat(ExternalSummary.Stat s, int runs) {
    if (s.n() == 0) {
      return "-";
    }
    boolean count = s.unit().equals("requests");
    String med = count ? Format.number(s.median()) : Format.number(round(s.median()));
    String range = s.min() == s.max() ? "" : " [" + (count ? Format.number(s.min()) : Format.number(round(s.min())))
        + ", " + (count ? Format.number(s.max()) : Format.number(round(s.max()))) + "]";
    return med + range + (s.n() < runs ? " n=" + s.n() : "");
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

  static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
  }

  /** Writes bench.json and report.html into {@code dir}; returns their paths. */
  public static List<Path> write(Path dir, ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes) {
    try {
      Files.createDirectories(dir);
      Path json = dir.resolve("bench.json");
      Files.writeString(json, json(plan, outcomes, dir), StandardCharsets.UTF_8);
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

  static String json(ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes, Path dir) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("contract", LoadSummaryJson.CONTRACT_VERSION);
      g.writeStringField("kind", "failover-bench-external");
      g.writeStringField("target", plan.target().toString());
      g.writeStringField("faultCommand", plan.fault().text());
      g.writeStringField("restoreCommand", plan.restore() == null ? null : plan.restore().text());
      g.writeBooleanField("shell", plan.fault().shell());
      g.writeNumberField("faultAtSeconds", plan.faultAtNanos() / 1e9);
      g.writeNumberField("restoreAtSeconds", plan.restoreAtNanos() < 0 ? -1 : plan.restoreAtNanos() / 1e9);
      g.writeNumberField("durationSeconds", plan.durationNanos() / 1e9);
      g.writeNumberField("repeats", plan.repeats());
      g.writeStringField("serverHeader", plan.serverHeader());
      g.writeObjectFieldStart("recovery");
      g.writeNumberField("successRatio", plan.recovery().successRatio());
      g.writeNumberField("p99Factor", plan.recovery().p99Factor());
      g.writeNumberField("seconds", plan.recovery().seconds());
      g.writeEndObject();
      g.writeArrayFieldStart("runs");
      for (ExternalBench.Outcome o : outcomes) {
        run(o, dir, g);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("summary");
      for (ExternalSummary s : ExternalSummary.of(outcomes)) {
        summary(s, g);
      }
      g.writeEndArray();
      g.writeBooleanField("passed", outcomes.stream().allMatch(ExternalBench.Outcome::passed));
      g.writeEndObject();
    }
    return w + "\n";
  }

  private static void run(ExternalBench.Outcome o, Path dir, JsonGenerator g) throws IOException {
    ExternalMeasures m = o.measures();
    g.writeStartObject();
    g.writeNumberField("rate", o.rate());
    g.writeNumberField("repeat", o.repeat());
    g.writeStringField("dir", dir.relativize(o.dir()).toString());
    g.writeArrayFieldStart("commands");
    for (BenchCommand.Run c : o.commands()) {
      g.writeStartObject();
      g.writeStringField("role", c.role().label());
      g.writeStringField("command", c.text());
      g.writeNumberField("startSeconds", round(c.startSeconds()));
      g.writeNumberField("endSeconds", round(c.endSeconds()));
      if (c.exitCode() == null) {
        g.writeNullField("exitCode");
      } else {
        g.writeNumberField("exitCode", c.exitCode());
      }
      g.writeBooleanField("timedOut", c.timedOut());
      g.writeStringField("error", c.error());
      g.writeBooleanField("ok", c.ok());
      g.writeStringField("output", c.output());
      g.writeBooleanField("outputTruncated", c.outputTruncated());
      g.writeStringField("log", c.role().label() + "-cmd.log");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("faultAtSeconds", round(m.faultAtSeconds()));
    seconds("restoreAtSeconds", m.restoreAtSeconds(), g);
    seconds("onsetSeconds", m.onset(), g);
    seconds("recoverySeconds", m.recovery(), g);
    g.writeNumberField("failedInEvent", m.failedInEvent());
    seconds("longestGapSeconds", m.gap(), g);
    seconds("longestGapFromSeconds", m.gapStart(), g);
    g.writeStringField("oldServer", m.oldServer());
    g.writeStringField("newServer", m.newServer());
    seconds("detectionSeconds", m.detection(), g);
    seconds("switchoverSeconds", m.switchover(), g);
    seconds("failbackSeconds", m.failback(), g);
    g.writeBooleanField("exact", m.exact(o.load()));
    g.writeArrayFieldStart("phases");
    for (ExternalMeasures.Phase p : m.phases()) {
      phase(p, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("servers");
    for (ExternalMeasures.ServerCount s : m.servers()) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeNumberField("answered", s.answered());
      g.writeNumberField("accepted", s.accepted());
      g.writeNumberField("lost", s.lost());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lost");
    for (int i = 0; i < Math.min(LISTED_JSON, m.lost().size()); i++) {
      LoadResult.Lost l = m.lost().get(i);
      g.writeStartObject();
      g.writeStringField("requestId", l.requestId());
      g.writeNumberField("intendedSeconds", round(l.intendedSeconds()));
      g.writeStringField("acknowledgedBy", l.acknowledgedBy());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("slo");
    for (Slo.Verdict v : o.slo()) {
      g.writeStartObject();
      g.writeStringField("objective", v.objective());
      g.writeStringField("actual", v.actualText());
      g.writeBooleanField("met", v.met());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("passed", o.passed());
    g.writeObjectFieldStart("load");
    LoadSummaryJson.fields(o.load(), List.of(), g);
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void phase(ExternalMeasures.Phase p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("phase", p.name());
    g.writeNumberField("fromSeconds", round(p.fromSeconds()));
    g.writeNumberField("toSeconds", round(p.toSeconds()));
    g.writeNumberField("requests", p.requests());
    g.writeNumberField("ok", p.ok());
    g.writeNumberField("failed", p.failed());
    g.writeNumberField("timedOut", p.timedOut());
    g.writeNumberField("lost", p.lost());
    g.writeNumberField("duplicated", p.duplicated());
    seconds("ackP50Ms", p.ackP50Ms(), g);
    seconds("ackP99Ms", p.ackP99Ms(), g);
    seconds("e2eP50Ms", p.e2eP50Ms(), g);
    seconds("e2eP99Ms", p.e2eP99Ms(), g);
    g.writeEndObject();
  }

  private static void summary(ExternalSummary s, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeNumberField("rate", s.rate());
    g.writeNumberField("runs", s.runs());
    for (ExternalSummary.Stat st : s.stats()) {
      g.writeObjectFieldStart(st.name());
      g.writeStringField("unit", st.unit());
      g.writeNumberField("n", st.n());
      seconds("median", st.median(), g);
      seconds("min", st.min(), g);
      seconds("max", st.max(), g);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void seconds(String name, double v, JsonGenerator g) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, round(v));
    }
  }
}
