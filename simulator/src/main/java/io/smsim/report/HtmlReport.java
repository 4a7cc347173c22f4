package io.smsim.report;

import io.smsim.analysis.KeyMetrics;
import io.smsim.analysis.Numbers;
import io.smsim.analysis.Replications;
import io.smsim.analysis.Summary;
import io.smsim.metrics.Incident;
import io.smsim.metrics.RunResult;
import io.smsim.model.Times;
import java.nio.file.Path;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code report.html}: one self-contained page (ECharts inlined from its npm package, the chart
 * data inlined as JSON) that works offline. The header — scenario, seed, replications, key numbers,
 * incidents — is plain HTML written here, each number tagged with where summary.json holds it;
 * the charts are drawn in the browser by {@code report.js} from {@link ChartData}.
 */
public final class HtmlReport {

  /** Incidents listed in the header before the rest fold away. */
  private static final int SHOWN_INCIDENTS = ConsoleSummary.SHOWN;

  private HtmlReport() {
  }

  public static void write(ReplayView view, Path file) {
    Page.write(file, render(view));
  }

  static String render(ReplayView view) {
    RunResult run = view.run();
    return Page.render("smsim · " + run.title() + " · seed " + run.seed(), header(view), ReplaySections.html(view),
        "Written by smsim from the same run as <a href=\"summary.json\">summary.json</a>.", ChartData.json(view),
        "report.js");
  }

  private static String header(ReplayView view) {
    RunResult run = view.run();
    ZoneId zone = view.zone();
    StringBuilder h = new StringBuilder();
    h.append("<header>\n<h1>Replay: ").append(span("scenario", run.scenario(), run.scenario())).append("</h1>\n");
    if (!view.scenario().description().isBlank()) {
      h.append("<p class=\"lede\">").append(Html.text(view.scenario().description().strip())).append("</p>\n");
    }
    h.append("<dl class=\"meta\">\n");
    meta(h, "scenario file", Html.text(run.source()));
    if (run.variant() != null) {
      meta(h, "variant", span("variant", run.variant(), run.variant()));
    }
    meta(h, "seed", span("seed", Long.toString(run.seed()), Long.toString(run.seed())));
    meta(h, "replications", view.replications() + " (replication " + span("replication",
        Integer.toString(run.replication()), Integer.toString(run.replication())) + (view.stats() == null ? ")"
            : " in the figures, incidents and charts; the statistics over all " + view.replications()
                + " follow the figures)"));
    meta(h, "virtual time", Html.text(Times.human(run.virtualStart(), zone) + " → "
        + Times.human(run.virtualEnd(), zone)
        + " " + run.timeZone()));
    meta(h, "simulated", span("requests", Long.toString(run.totalRequests()), ConsoleSummary.group(run.totalRequests()))
        + " requests · " + span("events", Long.toString(run.events()), ConsoleSummary.group(run.events()))
        + " events");
    var rep = view.scenario().reporting();
    meta(h, "incident rule", Html.text(String.format(java.util.Locale.ROOT,
        "a minute with ≥ %d attempts and under %s successful is degraded; gaps under %d min merge",
        rep.minAttempts(), Formats.percent(rep.slo()), rep.mergeGapNanos() / 60_000_000_000L)));
    meta(h, "files", "<span class=\"files\"><a href=\"summary.json\">summary.json</a><a href=\"timeline.csv\">"
        + "timeline.csv</a><a href=\"incident-review.md\">incident-review.md</a>" + (view.stats() == null ? ""
            : "<a href=\"replications.json\">replications.json</a><a href=\"replications.csv\">replications.csv</a>")
        + "</span>");
    h.append("</dl>\n");
    figures(view, h);
    if (view.stats() != null) {
      replications(view.stats(), h);
    }
    incidents(view, h);
    h.append("</header>\n");
    return h.toString();
  }

  private static void figures(ReplayView view, StringBuilder h) {
    h.append("<table class=\"figures\" id=\"key-figures\">\n<thead><tr><th>region</th>");
    for (String label : KeyFigures.LABELS) {
      h.append("<th>").append(Html.text(label)).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (RegionView r : view.regions()) {
      h.append("<tr data-region=\"").append(r.key()).append('"')
          .append(r.result().incidents().isEmpty() ? "" : " class=\"affected\"").append("><td>").append(r.key())
          .append("</td>");
      for (KeyFigures.Figure f : KeyFigures.of(r.result())) {
        h.append("<td data-json=\"regions.").append(r.key()).append('.').append(f.path()).append('"');
        if (f.derive() != null) {
          h.append(" data-derive=\"").append(f.derive()).append('"');
        }
        h.append(" data-value=\"").append(Html.text(f.value())).append("\">").append(Html.text(f.text()))
            .append("</td>");
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  /** The console's table of {@code replay --replications N}: key metrics by region, mean [95% CI], tagged into replications.json. */
  private static void replications(Replications reps, StringBuilder h) {
    h.append("<h2 id=\"replications\">Over ").append(reps.replications()).append(" replications</h2>\n<p class=\"explain\">"
        + "Key metrics per region, mean [95% CI] over the replications (replication r draws from substream r), as on"
        + " the console and in replications.json.</p>\n");
    List<Region> regions = new ArrayList<>();
    for (Region r : Region.values()) {
      if (reps.indexOf(MetricPath.of(r, "requests.failed")) >= 0) {
        regions.add(r);
      }
    }
    h.append("<table class=\"figures ci\" id=\"replication-stats\" data-source=\"replications.json\">\n<thead><tr>"
        + "<th></th>");
    for (Region r : regions) {
      h.append("<th>").append(r.key()).append("</th>");
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, String> key : KeyMetrics.LABELS.entrySet()) {
      h.append("<tr data-metric=\"").append(key.getKey()).append("\"><td>").append(Html.text(key.getValue()))
          .append("</td>");
      for (Region r : regions) {
        MetricPath m = MetricPath.of(r, key.getKey());
        Summary s = reps.stats().stat(reps.indexOf(m));
        h.append(StatCell.td(StatCell.pointer("metrics", m.text()), s, Numbers.interval(s, reps.replications())));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static void incidents(ReplayView view, StringBuilder h) {
    ZoneId zone = view.zone();
    h.append("<h2 id=\"incidents\">Incidents</h2>\n<p class=\"explain\">Success ratio below the SLO in one-minute"
        + " buckets; local time.</p>\n<ul class=\"incidents\">\n");
    List<RegionView.RegionIncident> all = view.incidents();
    if (all.isEmpty()) {
      h.append("<li class=\"good\">none</li>\n");
    }
    int n = 1;
    for (RegionView.RegionIncident ri : all) {
      if (n == SHOWN_INCIDENTS + 1 && all.size() > SHOWN_INCIDENTS + 2) {
        h.append("<li><details><summary>").append(all.size() - SHOWN_INCIDENTS)
            .append(" more incidents</summary><ul class=\"incidents\">\n");
      }
      Incident i = ri.incident();
      String key = ri.region().key();
      String at = "regions." + key + ".incidents[" + ri.index() + "].";
      h.append("<li class=\"bad\" data-region=\"").append(key).append("\"><strong>").append(key).append("</strong> ")
          .append(span(at + "startLocal", Times.local(i.start(), zone), Times.human(i.start(), zone)))
          .append(" → ")
          .append(span(at + "endLocal", Times.local(i.end(), zone),
              i.end() == null ? "ongoing" : Times.clock(i.end(), zone)))
          .append(' ').append(Times.zoneName(i.start(), zone)).append(" (")
          .append(span(at + "minutes", Double.toString(SummaryJson.round(i.minutes())),
              String.format(java.util.Locale.ROOT, "%.0f", i.minutes())))
          .append(" min) · detected ")
          .append(span(at + "detectedAtLocal", Times.local(i.detectedAt(), zone),
              i.detectedAt() == null ? "never" : Times.clock(i.detectedAt(), zone)))
          .append(" · resolved by ").append(span(at + "resolvedBy", i.resolvedBy(), i.resolvedBy()))
          .append(" · birthing events impacted ")
          .append(span(at + "birthingEventsImpacted", Long.toString(i.birthingEventsImpacted()),
              ConsoleSummary.group(i.birthingEventsImpacted())))
          .append(" · requests failed ")
          .append(span(at + "requestsFailed", Long.toString(i.requestsFailed()),
              ConsoleSummary.group(i.requestsFailed())))
          .append(" (on-demand ")
          .append(span(at + "serviceRequestsFailed", Long.toString(i.serviceRequestsFailed()),
              ConsoleSummary.group(i.serviceRequestsFailed())))
          .append(", firmware ")
          .append(span(at + "firmwareRequestsFailed", Long.toString(i.firmwareRequestsFailed()),
              ConsoleSummary.group(i.firmwareRequestsFailed())))
          .append(")<button class=\"zoom\" type=\"button\" id=\"incident-").append(n++).append("\" data-from=\"")
          .append(view.localMillis(i.start()))
          .append("\" data-to=\"").append(view.localMillis(i.end() == null ? view.run().virtualEnd() : i.end()))
          .append("\">zoom to it</button></li>\n");
    }
    if (all.size() > SHOWN_INCIDENTS + 2) {
      h.append("</ul></details></li>\n");
    }
    List<RegionView> unaffected = view.unaffected();
    if (!unaffected.isEmpty() && !all.isEmpty()) {
      h.append("<li class=\"good\" id=\"unaffected\">unaffected: ")
          .append(Html.text(String.join(", ", unaffected.stream().map(RegionView::key).toList())))
          .append(" (no failed requests)</li>\n");
    }
    h.append("</ul>\n");
  }

  private static void meta(StringBuilder h, String term, String html) {
    h.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(html).append("</dd>\n");
  }

  /** A shown value tagged with its summary.json path and raw value. */
  private static String span(String path, String value, String text) {
    return "<span data-json=\"" + Html.text(path) + "\" data-value=\"" + Html.text(value == null ? "" : value) + "\">"
        + Html.text(text) + "</span>";
  }
}
