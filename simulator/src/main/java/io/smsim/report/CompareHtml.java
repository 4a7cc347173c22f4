package io.smsim.report;

import io.smsim.analysis.Comparison;
import io.smsim.analysis.KeyMetrics;
import io.smsim.analysis.Numbers;
import io.smsim.model.Region;
import io.smsim.scenario.Variant;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code report.html} of {@code smsim compare}: a header with the scenario, seed, replications,
 * baseline and variants, the console's tables (key metrics per variant as mean [95% CI], and each
 * variant's paired difference from the baseline), each cell tagged with where compare.json holds it;
 * then per key metric two charts drawn by {@code study.js} from {@link CompareCharts}: the mean per
 * variant with its confidence interval as whiskers, and the paired difference from the baseline.
 */
final class CompareHtml {

  /** Height of a forest chart per row (a variant, times the regions shown), and of its frame. */
  private static final int ROW_PX = 30;
  private static final int FRAME_PX = 110;

  private CompareHtml() {
  }

  static String render(CompareView view) {
    Comparison c = view.comparison();
    return Page.render("smsim compare · " + c.scenario() + " · seed " + c.seed(), header(view), sections(view),
        "Written by smsim from the same comparison as <a href=\"compare.json\">compare.json</a> and"
            + " <a href=\"compare.csv\">compare.csv</a>.",
        CompareCharts.json(view), "study.js");
  }

  private static String header(CompareView view) {
    Comparison c = view.comparison();
    StringBuilder h = new StringBuilder();
    h.append("<header data-source=\"compare.json\">\n<h1>Compare: ")
        .append(Tags.span("/scenario", c.scenario(), c.scenario())).append("</h1>\n");
    String description = c.baselineVariant().scenario().description();
    if (!description.isBlank()) {
      h.append("<p class=\"lede\">").append(Html.text(description.strip())).append("</p>\n");
    }
    h.append("<dl class=\"meta\">\n");
    Tags.meta(h, "scenario file", Tags.span("/source", c.source(), c.source()));
    Tags.meta(h, "seed", Tags.span("/seed", Long.toString(c.seed()), Long.toString(c.seed())));
    Tags.meta(h, "replications", Tags.span("/replications", Integer.toString(c.replications()),
        Integer.toString(c.replications())) + " per variant; replication r of every variant draws from substream r"
        + " (common random numbers)" + (c.replications() == 1 ? "; one replication: no confidence intervals" : ""));
    Tags.meta(h, "baseline", Tags.span("/baseline", c.baselineVariant().name(), c.baselineVariant().name()));
    Tags.meta(h, "variants", c.variants().size() + ": " + Html.text(String.join(", ",
        c.variants().stream().map(Variant::name).toList())));
    Tags.meta(h, "statistics", "mean [95% CI] over the replications (Student t); differences paired by replication"
        + " (variant − baseline); – not applicable; n=k applied in k replications");
    Tags.meta(h, "files", "<span class=\"files\"><a href=\"compare.json\">compare.json</a><a href=\"compare.csv\">"
        + "compare.csv</a><a href=\"incident-review.md\">incident-review.md</a></span>");
    h.append("</dl>\n");
    h.append("<h2 id=\"key-metrics\">Key metrics</h2>\n<p class=\"explain\">Per region, the key metrics of each"
        + " variant: mean [95% CI] over the replications, as on the console.</p>\n");
    for (Region r : view.shown()) {
      table(view, r, false, h);
    }
    if (c.variants().size() > 1) {
      h.append("<h2 id=\"differences\">Difference from ").append(Html.text(c.baselineVariant().name()))
          .append("</h2>\n<p class=\"explain\">Each variant's paired difference from the baseline, replication by"
              + " replication (variant − baseline): an interval that excludes 0 is a difference the replications"
              + " can tell apart from noise.</p>\n");
      for (Region r : view.shown()) {
        table(view, r, true, h);
      }
    }
    if (!view.unaffected().isEmpty()) {
      h.append("<p class=\"good\" id=\"unaffected\">no births impacted, requests failed, incidents or failovers in any"
          + " variant: ").append(Html.text(String.join(", ", view.unaffected().stream().map(Region::key).toList())))
          .append("</p>\n");
    }
    variants(c, h);
    h.append("</header>\n");
    return h.toString();
  }

  /** The console's table of one region: key metrics (rows) by variant (columns). */
  private static void table(CompareView view, Region region, boolean diffs, StringBuilder h) {
    Comparison c = view.comparison();
    h.append("<div class=\"scroll\"><table class=\"figures ci\" id=\"").append(diffs ? "diffs-" : "metrics-")
        .append(region.key())
        .append("\" data-region=\"").append(region.key()).append("\">\n<thead><tr><th>").append(region.key())
        .append("</th>");
    for (int v = 0; v < c.variants().size(); v++) {
      if (!(diffs && v == c.baseline())) {
        h.append("<th>").append(Html.text(c.variants().get(v).name())).append("</th>");
      }
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (CompareView.Metric m : view.metrics()) {
      h.append("<tr data-metric=\"").append(m.name()).append("\"><td>").append(Html.text(m.label())).append("</td>");
      for (int v = 0; v < c.variants().size(); v++) {
        if (diffs && v == c.baseline()) {
          continue;
        }
        h.append(diffs
            ? StatCell.td(view.pointer(v, region, m.name(), true), view.diff(v, region, m.name()),
                view.diffText(v, region, m.name()))
            : StatCell.td(view.pointer(v, region, m.name(), false), view.stat(v, region, m.name()),
                view.statText(v, region, m.name())));
      }
      h.append("</tr>\n");
    }
    for (Map.Entry<String, String> time : KeyMetrics.TIMES.entrySet()) {
      String name = time.getKey();
      h.append("<tr data-metric=\"").append(name).append("\"><td>")
          .append(Html.text(diffs ? time.getValue() + ", min" : time.getValue())).append("</td>");
      for (int v = 0; v < c.variants().size(); v++) {
        if (diffs && v == c.baseline()) {
          continue;
        }
        h.append(diffs
            ? StatCell.td(view.pointer(v, region, name, true), view.diff(v, region, name), view.diffText(v, region, name))
            : StatCell.td(view.pointer(v, region, name, false), view.stat(v, region, name),
                Numbers.timeOfDayInterval(view.stat(v, region, name), c.replications())));
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
  }

  private static void variants(Comparison c, StringBuilder h) {
    h.append("<h2 id=\"variants\">Variants</h2>\n<table class=\"variants\" id=\"variant-list\">\n<thead><tr>"
        + "<th>variant</th><th>description</th><th>settings</th></tr></thead>\n<tbody>\n");
    for (int v = 0; v < c.variants().size(); v++) {
      Variant variant = c.variants().get(v);
      String at = "/variants/" + v;
      h.append("<tr><td>").append(Tags.span(at + "/name", variant.name(), variant.name()))
          .append(v == c.baseline() ? " (baseline)" : "").append("</td><td>")
          .append(Tags.span(at + "/description", variant.description(), variant.description().strip()))
          .append("</td><td>").append(variant.set().isEmpty() ? "the scenario as written"
              : "<code>" + Html.text(String.join(" · ", variant.overrides())) + "</code>")
          .append("</td></tr>\n");
    }
    h.append("</tbody>\n</table>\n");
  }

  private static String sections(CompareView view) {
    Comparison c = view.comparison();
    StringBuilder h = new StringBuilder("<main>\n");
    int rows = c.variants().size() * view.shown().size();
    for (CompareView.Metric m : view.metrics()) {
      h.append("<h2 id=\"metric-").append(m.slug()).append("\">").append(Html.text(capitalised(m.label())))
          .append("</h2>\n<p class=\"explain\">").append(Html.text(explain(m.name()))).append("</p>\n");
      if (!m.applies()) {
        h.append("<p class=\"na\">Not applicable in any variant or replication (").append(Html.text(notApplicable(m)))
            .append(").</p>\n");
        continue;
      }
      h.append("<div class=\"pair\">\n");
      chart(h, "compare-metric", m, rows, "Mean " + m.label() + " per variant with 95% confidence intervals, "
          + regions(view));
      if (m.differs()) {
        chart(h, "compare-diff", m, rows - view.shown().size(), "Paired difference in " + m.label()
            + " of each variant from " + c.baselineVariant().name() + " with 95% confidence intervals");
      } else if (c.variants().size() > 1) {
        h.append("<p class=\"na\">No paired difference applies: the metric has no value in the baseline or in the"
            + " other variants.</p>\n");
      }
      h.append("</div>\n");
    }
    h.append("</main>\n");
    return h.toString();
  }

  private static void chart(StringBuilder h, String kind, CompareView.Metric m, int rows, String label) {
    h.append("<div class=\"chart\" id=\"chart-").append(kind.substring("compare-".length())).append('-')
        .append(m.slug()).append("\" data-chart=\"").append(kind).append("\" data-metric=\"").append(m.name())
        .append("\" role=\"img\" aria-label=\"").append(Html.text(label)).append("\" style=\"height: ")
        .append(FRAME_PX + ROW_PX * Math.max(2, rows)).append("px\"></div>\n");
  }

  private static String regions(CompareView view) {
    return "region " + String.join(", ", view.shown().stream().map(Region::key).toList());
  }

  static String explain(String metric) {
    return switch (metric) {
      case "birthingEvents.impacted" -> "Install and commission journeys (birthing events) that failed after the"
          + " installer's retries, per replication.";
      case "requests.failed" -> "Service requests that failed after the users' retries, per replication.";
      case "outageMinutes" -> "Minutes below the SLO: the sum of the incidents' minutes, per replication.";
      case "detectionDelayMinutes" -> "Minutes from the first incident's start to its alert, in the replications"
          + " with a detected incident.";
      case "failovers" -> "Switches from the active server to the standby, per replication.";
      default -> metric;
    };
  }

  private static String notApplicable(CompareView.Metric m) {
    return m.name().equals("detectionDelayMinutes") ? "no detected incident" : "no value";
  }

  static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
