package io.smsim.report;

import io.smsim.analysis.CompareTable;
import io.smsim.analysis.Comparison;
import io.smsim.analysis.KeyMetrics;
import io.smsim.analysis.Numbers;
import io.smsim.analysis.PointStats;
import io.smsim.analysis.Summary;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a compare's {@code report.html} shows, decided once for the header, the charts and their data:
 * the regions shown (those the console tables, else the first), and per key metric whether it
 * applies anywhere and which charts it gets. Every number comes from the {@link Comparison} that
 * {@code compare.json} and {@code compare.csv} are written from.
 *
 * @param shown regions with births impacted, failed requests, incidents or failovers in some variant
 *     (the console's tables); the first region when none had any
 * @param unaffected the other regions
 */
record CompareView(Comparison comparison, List<Region> shown, List<Region> unaffected, List<Metric> metrics) {

  /**
   * One key metric.
   *
   * @param applies some variant has a value in a shown region (a detection delay needs an incident)
   * @param differs some variant other than the baseline has a paired difference in a shown region
   */
  record Metric(String name, String label, boolean applies, boolean differs) {

    String slug() {
      return name.replace('.', '-');
    }
  }

  CompareView {
    shown = List.copyOf(shown);
    unaffected = List.copyOf(unaffected);
    metrics = List.copyOf(metrics);
  }

  static CompareView of(Comparison c) {
    List<Region> shown = new ArrayList<>();
    List<Region> unaffected = new ArrayList<>();
    for (Region r : Region.values()) {
      if (c.indexOf(MetricPath.of(r, "requests.failed")) >= 0) {
        (CompareTable.affected(c, r) ? shown : unaffected).add(r);
      }
    }
    if (shown.isEmpty() && !unaffected.isEmpty()) {
      shown.add(unaffected.remove(0));
    }
    List<Metric> metrics = new ArrayList<>();
    for (Map.Entry<String, String> key : KeyMetrics.LABELS.entrySet()) {
      boolean applies = false;
      boolean differs = false;
      for (Region r : shown) {
        int m = c.indexOf(MetricPath.of(r, key.getKey()));
        for (int v = 0; v < c.variants().size(); v++) {
          applies |= c.points().get(v).stat(m).n() > 0;
          differs |= v != c.baseline() && c.points().get(v).diff(m).n() > 0;
        }
      }
      metrics.add(new Metric(key.getKey(), key.getValue(), applies, differs));
    }
    return new CompareView(c, shown, unaffected, metrics);
  }

  Summary stat(int variant, Region region, String metric) {
    return point(variant).stat(index(region, metric));
  }

  Summary diff(int variant, Region region, String metric) {
    return point(variant).diff(index(region, metric));
  }

  /** As the console prints it: {@code 36.6 [34.9, 38.2]}. */
  String statText(int variant, Region region, String metric) {
    return Numbers.interval(stat(variant, region, metric), comparison.replications());
  }

  /** As the console prints it: {@code -36.6 [-38.2, -34.9]}. */
  String diffText(int variant, Region region, String metric) {
    return Numbers.signedInterval(diff(variant, region, metric), comparison.replications());
  }

  /** Where compare.json holds a variant's statistic of a metric of a region. */
  String pointer(int variant, Region region, String metric, boolean diff) {
    String text = MetricPath.of(region, metric).text();
    return diff ? StatCell.pointer("variants", variant, "metrics", text, "diff")
        : StatCell.pointer("variants", variant, "metrics", text);
  }

  private PointStats point(int variant) {
    return comparison.points().get(variant);
  }

  private int index(Region region, String metric) {
    return comparison.indexOf(MetricPath.of(region, metric));
  }

  static String regionName(Region r) {
    String k = r.key();
    return Character.toUpperCase(k.charAt(0)) + k.substring(1);
  }
}
