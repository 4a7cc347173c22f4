package io.smsim.report;

import io.smsim.analysis.KeyMetrics;
import io.smsim.analysis.Numbers;
import io.smsim.analysis.Summary;
import io.smsim.analysis.Sweep;
import io.smsim.analysis.SweepParam;
import io.smsim.analysis.SweepTable;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a sweep's {@code report.html} shows, decided once for the header, the charts and their data.
 * Each key metric is drawn against the first parameter, with one line per value of the second;
 * with more parameters, one small chart (a panel) per combination of the others. Points are indexed
 * as in sweep.json: the first parameter varies slowest. Every number comes from the {@link Sweep}
 * that {@code sweep.json} and {@code sweep.csv} are written from.
 *
 * @param shown the regions of the console's table
 */
record SweepView(Sweep sweep, List<Region> shown, List<Chart> charts) {

  /**
   * One chart: a key metric of a region in one panel.
   *
   * @param panel values of the parameters after the second, empty with two or fewer
   * @param lines per line (a value of the second parameter, or one line), the point index at each x
   */
  record Chart(String id, String metric, String label, Region region, List<String> panel, List<Line> lines) {
  }

  /** One line of a chart: its name and the sweep points along the first parameter. */
  record Line(String name, List<Integer> points) {
  }

  SweepView {
    shown = List.copyOf(shown);
    charts = List.copyOf(charts);
  }

  static SweepView of(Sweep s) {
    List<Region> shown = SweepTable.shownRegions(s);
    List<SweepParam> params = s.params();
    int n1 = params.get(0).values().size();
    int n2 = params.size() > 1 ? params.get(1).values().size() : 1;
    int panels = s.points().size() / (n1 * n2);
    List<Chart> charts = new ArrayList<>();
    for (Map.Entry<String, String> key : KeyMetrics.LABELS.entrySet()) {
      for (Region r : shown) {
        for (int panel = 0; panel < panels; panel++) {
          List<Line> lines = new ArrayList<>();
          boolean applies = false;
          for (int j = 0; j < n2; j++) {
            List<Integer> points = new ArrayList<>();
            for (int i = 0; i < n1; i++) {
              int point = (i * n2 + j) * panels + panel;
              points.add(point);
              applies |= s.stats().get(point).stat(s.indexOf(MetricPath.of(r, key.getKey()))).n() > 0;
            }
            lines.add(new Line(params.size() > 1 ? params.get(1).path() + " = " + params.get(1).values().get(j)
                : CompareView.regionName(r), points));
          }
          if (applies) {
            List<String> fixed = s.points().get(lines.get(0).points().get(0));
            String id = "chart-" + key.getKey().replace('.', '-') + "-" + r.key() + (panels > 1 ? "-" + panel : "");
            charts.add(new Chart(id, key.getKey(), key.getValue(), r, fixed.subList(Math.min(2, fixed.size()),
                fixed.size()), lines));
          }
        }
      }
    }
    return new SweepView(s, shown, charts);
  }

  /** Combinations of the parameters after the second (1 with two or fewer). */
  int panels() {
    int per = sweep.params().get(0).values().size() * (sweep.params().size() > 1 ? sweep.params().get(1).values().size()
        : 1);
    return sweep.points().size() / per;
  }

  Summary stat(int point, Region region, String metric) {
    return sweep.stats().get(point).stat(sweep.indexOf(MetricPath.of(region, metric)));
  }

  /** As the console prints it. */
  String text(int point, Region region, String metric) {
    return Numbers.interval(stat(point, region, metric), sweep.replications());
  }

  /** Where sweep.json holds a point's statistic. */
  String pointer(int point, Region region, String metric) {
    return StatCell.pointer("points", point, "metrics", MetricPath.of(region, metric).text());
  }

  /** {@code regions.north.reaper.period = 1h · workloadScale = 1.25}: a panel's fixed parameters. */
  String panelTitle(Chart c) {
    List<String> parts = new ArrayList<>();
    for (int k = 0; k < c.panel().size(); k++) {
      parts.add(sweep.params().get(k + 2).path() + " = " + c.panel().get(k));
    }
    return String.join(" · ", parts);
  }
}
