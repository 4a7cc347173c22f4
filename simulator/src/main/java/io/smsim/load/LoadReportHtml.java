package io.smsim.load;

import io.smsim.output.OutputFiles;
import static io.smsim.report.Html.text;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.report.Html;
import io.smsim.report.Page;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Writes the {@code report.html} of {@code smsim load} and {@code smsim failover-bench}: one
 * self-contained page in the replay report's frame ({@link Page#frame}, Apache ECharts inlined),
 * with per run charts of throughput, latency percentiles and response codes per second. Data comes
 * from the per-second series, never from individual requests, so the size follows the duration.
 */
public final class LoadReportHtml {

  /** What the load pages add to the replay report's style sheet. */
  private static final String LOAD_STYLE = ".bad { font-weight: 600; }\n.chart { height: 300px; margin: 8px 0 4px; }\n";

  private static final JsonFactory FACTORY = new JsonFactory();

  /** A vertical line on a run's charts, {@code t} seconds after its start. */
  public record Marker(double t, String label) {
  }

  /** One run's charts: its result, its markers, and the region to follow (or -1). */
  public record Run(String id, String title, LoadResult result, List<Marker> markers, int focusRegion) {
  }

  private LoadReportHtml() {
  }

  public static void write(Path file, String title, String headerHtml, List<Run> runs) {
    String html = Page.frame(title, LOAD_STYLE, headerHtml, "<div id=\"runs\"></div>",
        "Written by smsim from the same run as <a href=\"summary.json\">summary.json</a>; latency histograms per"
            + " second in results.hlog.", data(runs), resource("load-report.js"));
    OutputFiles.writeString(file, html);
  }

  /** The header of a single load run: setup, accounting, latency, SLOs. */
  public static String loadHeader(LoadResult r, List<Slo.Verdict> slo) {
    LoadResult.Setup s = r.setup();
    StringBuilder h = new StringBuilder("<header>\n<h1>Load: ").append(text(s.target())).append("</h1>\n");
    h.append("<dl class=\"meta\">\n");
    meta(h, "pacing", s.pacing() + " for " + Format.seconds(s.durationSeconds()));
    meta(h, "traffic", s.traffic());
    meta(h, "connections", s.connections() + " keep-alive connections, " + s.threads() + " threads, at most "
        + Format.count(s.maxInFlight()) + " awaiting acknowledgement");
    meta(h, "final responses", s.ackOnly() ? "none (ack-only: the synchronous answer is the outcome)"
        : "received at " + s.callbackUrl() + "; timeout " + Format.seconds(s.responseTimeoutSeconds())
            + " after the intended send, grace " + Format.seconds(s.graceSeconds()));
    meta(h, "started", s.wallStart() + " (wall clock), ran " + Format.seconds(Math.round(s.wallSeconds() * 10) / 10.0));
    h.append("</dl>\n");
    accounting(r, h);
    h.append(regionTable(r));
    h.append(latencyTable(r));
    sloList(slo, h);
    return h.append("</header>\n").toString();
  }

  static void accounting(LoadResult r, StringBuilder h) {
    LoadResult.Outcomes o = r.outcomes();
    LoadResult.Accounting a = r.accounting();
    h.append("<table class=\"figures\" id=\"accounting\"><thead><tr><th>requests</th><th>ok</th><th>errors</th>")
        .append("<th>timeouts</th><th>in flight</th><th>lost</th><th>duplicated</th><th>late answers</th>")
        .append("<th>unknown</th><th>late sends</th></tr></thead><tbody><tr>");
    for (long v : new long[] {o.total(), o.ok(), o.errorCount(), o.timeouts(), o.inFlight(), a.lost(),
        a.duplicated(), a.lateAnswers(), a.unknown(), r.sends().late()}) {
      h.append("<td>").append(Format.count(v)).append("</td>");
    }
    h.append("</tr></tbody></table>\n<p class=\"explain\">").append(o.balanced()
        ? "<span class=\"good\">Every request is accounted for</span>: requests = ok + errors + timeouts + in flight."
        : "<span class=\"bad\">The accounting does not add up.</span>");
    if (!o.errors().isEmpty()) {
      h.append(" Errors by code: ");
      boolean first = true;
      for (Map.Entry<String, Long> e : o.errors().entrySet()) {
        h.append(first ? "" : ", ").append(text(e.getKey())).append(' ').append(Format.count(e.getValue()));
        first = false;
      }
      h.append('.');
    }
    h.append("</p>\n");
  }

  /**
   * Requests, ok, failed and e2e p99 per region (as the console prints them), when more than one
   * region had traffic: in a regional incident the key fact is which region failed.
   */
  static String regionTable(LoadResult r) {
    List<Integer> used = r.series().usedSlots();
    if (used.size() < 2) {
      return "";
    }
    StringBuilder h = new StringBuilder("<table class=\"figures\" id=\"regions\"><thead><tr><th>region</th>"
        + "<th>requests</th><th>ok</th><th>failed</th><th>failed %</th><th>e2e p99</th></tr></thead><tbody>\n");
    for (int slot : used) {
      long[] t = r.series().regionTotals(slot);
      h.append("<tr").append(t[2] > 0 ? " class=\"bad\"" : "").append("><td>").append(text(Traffic.regionKey(slot)))
          .append("</td>");
      for (long v : t) {
        h.append("<td>").append(Format.count(v)).append("</td>");
      }
      h.append("<td>").append(t[0] == 0 ? "-" : String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * t[2] / t[0]))
          .append("</td><td>").append(Format.ms(IntervalSampler.ms(r.latency().e2eByRegion()[slot], 99)))
          .append("</td></tr>\n");
    }
    return h.append("</tbody></table>\n").toString();
  }

  static String latencyTable(LoadResult r) {
    StringBuilder h = new StringBuilder("<table class=\"figures\" id=\"latency\"><thead><tr><th>latency</th>"
        + "<th>count</th><th>p50</th><th>p90</th><th>p99</th><th>p99.9</th><th>max</th></tr></thead><tbody>\n");
    for (var e : Map.of("ack", r.latency().ack(), "e2e", r.latency().e2e()).entrySet().stream()
        .sorted(Map.Entry.comparingByKey()).toList()) {
      var hist = e.getValue();
      h.append("<tr><td>").append(e.getKey()).append("</td><td>").append(Format.count(hist.getTotalCount()))
          .append("</td>");
      for (double p : new double[] {50, 90, 99, 99.9}) {
        h.append("<td>").append(Format.ms(IntervalSampler.ms(hist, p))).append("</td>");
      }
      h.append("<td>").append(Format.ms(IntervalSampler.max(hist))).append("</td></tr>\n");
    }
    return h.append("</tbody></table>\n").toString();
  }

  private static void sloList(List<Slo.Verdict> slo, StringBuilder h) {
    if (slo.isEmpty()) {
      return;
    }
    h.append("<ul id=\"slo\">\n");
    for (Slo.Verdict v : slo) {
      h.append(v.met() ? "<li class=\"good\">" : "<li class=\"bad\">").append(text(v.line())).append("</li>\n");
    }
    h.append("</ul>\n");
  }

  static void meta(StringBuilder h, String term, String value) {
    h.append("<dt>").append(text(term)).append("</dt><dd>").append(text(value)).append("</dd>\n");
  }

  private static String data(List<Run> runs) {
    try {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(w)) {
        g.writeStartObject();
        g.writeArrayFieldStart("runs");
        for (Run run : runs) {
          run(run, g);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      return w.toString().replace("<", "\\u003c"); // safe inside <script>
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void run(Run run, JsonGenerator g) throws IOException {
    LoadResult r = run.result();
    SecondSeries s = r.series().perSecond();
    List<LatencyRow> rows = r.series().latency();
    int n = Math.max(s.seconds(), rows.size());
    g.writeStartObject();
    g.writeStringField("id", run.id());
    g.writeStringField("title", run.title());
    g.writeNumberField("sendingSeconds", Math.round(r.setup().durationSeconds() * 1000) / 1000.0);
    g.writeArrayFieldStart("issued");
    for (int i = 0; i < n; i++) {
      long v = 0;
      for (int slot = 0; slot < Traffic.REGIONS; slot++) {
        v += s.regionCount(i, slot, SecondSeries.SENT);
      }
      g.writeNumber(v);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("codes");
    List<String> names = r.series().codes();
    for (int c = 0; c < names.size(); c++) {
      long any = 0;
      for (int i = 0; i < n; i++) {
        any += s.completedCount(i, c);
      }
      if (any == 0) {
        continue;
      }
      g.writeStartObject();
      g.writeStringField("name", names.get(c));
      g.writeBooleanField("ok", c == Codes.OK);
      g.writeArrayFieldStart("values");
      for (int i = 0; i < n; i++) {
        g.writeNumber(s.completedCount(i, c));
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeObjectFieldStart("latency");
    series(g, "ackP50", rows, n, LatencyRow::ackP50);
    series(g, "ackP99", rows, n, LatencyRow::ackP99);
    series(g, "ackMax", rows, n, LatencyRow::ackMax);
    series(g, "e2eP50", rows, n, LatencyRow::e2eP50);
    series(g, "e2eP99", rows, n, LatencyRow::e2eP99);
    series(g, "e2eMax", rows, n, LatencyRow::e2eMax);
    g.writeEndObject();
    if (run.focusRegion() >= 0) {
      int slot = run.focusRegion();
      g.writeObjectFieldStart("region");
      g.writeStringField("key", Traffic.regionKey(slot));
      for (String what : List.of("sent", "ok", "failed")) {
        int k = List.of("sent", "ok", "failed").indexOf(what);
        g.writeArrayFieldStart(what);
        for (int i = 0; i < n; i++) {
          g.writeNumber(s.regionCount(i, slot, k));
        }
        g.writeEndArray();
      }
      series(g, "e2eP99", rows, n, row -> row.e2eP99ByRegion()[slot]);
      g.writeEndObject();
    }
    g.writeArrayFieldStart("markers");
    for (Marker m : run.markers()) {
      g.writeStartObject();
      g.writeNumberField("t", Math.round(m.t() * 1000) / 1000.0);
      g.writeStringField("label", m.label());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void series(JsonGenerator g, String name, List<LatencyRow> rows, int n,
      ToDoubleFunction<LatencyRow> f) throws IOException {
    g.writeArrayFieldStart(name);
    for (int i = 0; i < n; i++) {
      double v = i < rows.size() ? f.applyAsDouble(rows.get(i)) : Double.NaN;
      if (Double.isNaN(v)) {
        g.writeNull();
      } else {
        g.writeNumber(Math.round(v * 1000) / 1000.0);
      }
    }
    g.writeEndArray();
  }

  private static String resource(String name) {
    return Html.resource(LoadReportHtml.class, name);
  }
}
