package io.smsim.report;

import io.smsim.analysis.KeyMetrics;
import io.smsim.analysis.Sweep;
import io.smsim.analysis.SweepParam;
import io.smsim.analysis.SweepTable;
import io.smsim.model.Region;
import java.util.List;

/**
 * The {@code report.html} of {@code smsim sweep}: a header with the scenario, seed, replications and
 * the grid, the console's table (one row per point), each cell tagged with where sweep.json holds
 * it; then per key metric its mean with 95% confidence intervals against the first parameter, one
 * line per value of the second, small multiples for the others, drawn by {@code study.js} from
 * {@link SweepCharts}.
 */
final class SweepHtml {

  private SweepHtml() {
  }

  static String render(SweepView view) {
    Sweep s = view.sweep();
    return Page.render("smsim sweep · " + s.scenario() + " · seed " + s.seed(), header(view), sections(view),
        "Written by smsim from the same sweep as <a href=\"sweep.json\">sweep.json</a> and"
            + " <a href=\"sweep.csv\">sweep.csv</a>.",
        SweepCharts.json(view), "study.js");
  }

  private static String header(SweepView view) {
    Sweep s = view.sweep();
    StringBuilder h = new StringBuilder();
    h.append("<header data-source=\"sweep.json\">\n<h1>Sweep: ").append(Tags.span("/scenario", s.scenario(),
        s.scenario())).append("</h1>\n<dl class=\"meta\">\n");
    Tags.meta(h, "scenario file", Tags.span("/source", s.source(), s.source()));
    Tags.meta(h, "variant", s.variant() == null ? "none: the scenario as written"
        : Tags.span("/variant", s.variant(), s.variant()));
    Tags.meta(h, "seed", Tags.span("/seed", Long.toString(s.seed()), Long.toString(s.seed())));
    Tags.meta(h, "replications", Tags.span("/replications", Integer.toString(s.replications()),
        Integer.toString(s.replications())) + " per point; replication r of every point draws from substream r"
        + " (common random numbers)" + (s.replications() == 1 ? "; one replication: no confidence intervals" : ""));
    StringBuilder grid = new StringBuilder();
    for (int k = 0; k < s.params().size(); k++) {
      SweepParam p = s.params().get(k);
      grid.append(k == 0 ? "" : " × ").append("<code>").append(Tags.span("/params/" + k + "/path", p.path(), p.path()))
          .append("</code> = ").append(Html.text(String.join(", ", p.values())));
    }
    grid.append(" (").append(s.points().size()).append(" point").append(s.points().size() == 1 ? "" : "s")
        .append(')');
    Tags.meta(h, "grid", grid.toString());
    Tags.meta(h, "statistics", "mean [95% CI] over the replications (Student t); – not applicable; n=k applied in k"
        + " replications");
    Tags.meta(h, "files", "<span class=\"files\"><a href=\"sweep.json\">sweep.json</a><a href=\"sweep.csv\">"
        + "sweep.csv</a></span>");
    h.append("</dl>\n<h2 id=\"points\">Points</h2>\n<p class=\"explain\">One row per point of the grid, as on the"
        + " console: key metrics of ").append(Html.text(String.join(", ", view.shown().stream().map(Region::key)
            .toList()))).append(", mean [95% CI] over the replications.</p>\n");
    table(view, h);
    h.append("</header>\n");
    return h.toString();
  }

  private static void table(SweepView view, StringBuilder h) {
    Sweep s = view.sweep();
    h.append("<div class=\"scroll\"><table class=\"figures ci\" id=\"sweep-points\">\n<thead><tr>");
    for (SweepParam p : s.params()) {
      h.append("<th class=\"param\">").append(Html.text(p.path())).append("</th>");
    }
    for (Region r : view.shown()) {
      for (String m : SweepTable.COLUMNS) {
        h.append("<th>").append(r.key()).append(' ').append(Html.text(KeyMetrics.LABELS.get(m))).append("</th>");
      }
    }
    h.append("</tr></thead>\n<tbody>\n");
    for (int i = 0; i < s.points().size(); i++) {
      h.append("<tr data-point=\"").append(i).append("\">");
      List<String> values = s.points().get(i);
      for (int k = 0; k < values.size(); k++) {
        h.append("<td class=\"param\">").append(Tags.span(StatCell.pointer("points", i, "params",
            s.params().get(k).path()), values.get(k), values.get(k))).append("</td>");
      }
      for (Region r : view.shown()) {
        for (String m : SweepTable.COLUMNS) {
          h.append(StatCell.td(view.pointer(i, r, m), view.stat(i, r, m), view.text(i, r, m)));
        }
      }
      h.append("</tr>\n");
    }
    h.append("</tbody>\n</table></div>\n");
  }

  private static String sections(SweepView view) {
    Sweep s = view.sweep();
    StringBuilder h = new StringBuilder("<main>\n");
    String x = s.params().get(0).path();
    for (var key : KeyMetrics.LABELS.entrySet()) {
      String metric = key.getKey();
      h.append("<h2 id=\"metric-").append(metric.replace('.', '-')).append("\">")
          .append(Html.text(CompareHtml.capitalised(key.getValue()))).append("</h2>\n<p class=\"explain\">")
          .append(Html.text(CompareHtml.explain(metric) + " Against " + x
              + (s.params().size() > 1 ? ", one line per value of " + s.params().get(1).path() : "")
              + (view.panels() > 1 ? "; one chart per combination of the other parameters" : "")
              + ". Whiskers: 95% confidence intervals.")).append("</p>\n");
      List<SweepView.Chart> charts = view.charts().stream().filter(c -> c.metric().equals(metric)).toList();
      if (charts.isEmpty()) {
        h.append("<p class=\"na\">Not applicable at any point or replication.</p>\n");
        continue;
      }
      h.append(view.panels() > 1 ? "<div class=\"multiples\">\n" : "");
      for (SweepView.Chart c : charts) {
        h.append("<div class=\"chart").append(view.panels() > 1 ? " small" : "").append("\" id=\"").append(c.id())
            .append("\" data-chart=\"sweep\" data-metric=\"").append(metric).append("\" data-region=\"")
            .append(c.region().key()).append("\" role=\"img\" aria-label=\"")
            .append(Html.text("Mean " + key.getValue() + " of " + c.region().key() + " against " + x
                + (c.panel().isEmpty() ? "" : ", " + view.panelTitle(c))))
            .append("\"></div>\n");
      }
      h.append(view.panels() > 1 ? "</div>\n" : "");
    }
    h.append("</main>\n");
    return h.toString();
  }
}
