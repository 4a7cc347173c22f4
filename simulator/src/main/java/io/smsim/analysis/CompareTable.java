package io.smsim.analysis;

import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Variant;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The console view of a {@link Comparison}: per affected region, key metrics (rows) by variant
 * (columns) as {@code mean [95% CI]}, then each variant's paired difference from the baseline.
 */
public final class CompareTable {

  private CompareTable() {
  }

  public static void print(Comparison c, PrintWriter out) {
    out.printf(Locale.ROOT, "%s · seed %d · %d replication%s per variant, common random numbers · mean [95%% CI]%n",
        c.scenario(), c.seed(), c.replications(), c.replications() == 1 ? "" : "s");
    if (c.replications() == 1) {
      out.println("(one replication: no confidence intervals; use --replications N)");
    }
    List<Region> affected = new ArrayList<>();
    List<Region> unaffected = new ArrayList<>();
    for (Region r : Region.values()) {
      if (c.indexOf(MetricPath.of(r, "requests.failed")) < 0) {
        continue;
      }
      (affected(c, r) ? affected : unaffected).add(r);
    }
    for (Region r : affected) {
      out.println();
      table(c, r, false).print(out);
    }
    if (c.variants().size() > 1) {
      for (Region r : affected) {
        out.println();
        out.printf("difference from %s, paired by replication (variant − baseline):%n", c.baselineVariant().name());
        table(c, r, true).print(out);
      }
    }
    if (!unaffected.isEmpty()) {
      out.println();
      out.println("no births impacted, requests failed, incidents or failovers in any variant: "
          + String.join(", ", unaffected.stream().map(Region::key).toList()));
    }
    out.println();
    out.println("variants:");
    TextTable legend = new TextTable();
    for (Variant v : c.variants()) {
      legend.row(List.of("  " + v.name() + (c.variants().indexOf(v) == c.baseline() ? " (baseline)" : ""),
          v.set().isEmpty() ? "the scenario as written" : String.join(" · ", v.overrides())));
    }
    legend.print(out);
  }

  private static TextTable table(Comparison c, Region region, boolean diffs) {
    TextTable t = new TextTable();
    List<String> header = new ArrayList<>();
    header.add(region.key());
    for (int v = 0; v < c.variants().size(); v++) {
      if (!(diffs && v == c.baseline())) {
        header.add(c.variants().get(v).name());
      }
    }
    t.row(header);
    for (Map.Entry<String, String> key : KeyMetrics.LABELS.entrySet()) {
      int m = c.indexOf(MetricPath.of(region, key.getKey()));
      List<String> row = new ArrayList<>();
      row.add(key.getValue());
      for (int v = 0; v < c.variants().size(); v++) {
        if (diffs && v == c.baseline()) {
          continue;
        }
        PointStats p = c.points().get(v);
        row.add(diffs ? Numbers.signedInterval(p.diff(m), c.replications())
            : Numbers.interval(p.stat(m), c.replications()));
      }
      t.row(row);
    }
    return t;
  }

  /** Whether any variant saw births impacted, failed requests, incidents or failovers in the region. */
  public static boolean affected(Comparison c, Region region) {
    for (String name : List.of("birthingEvents.impacted", "requests.failed", "incidents", "failovers")) {
      int m = c.indexOf(MetricPath.of(region, name));
      for (PointStats p : c.points()) {
        Summary s = p.stat(m);
        if (s.n() > 0 && s.mean() != 0) {
          return true;
        }
      }
    }
    return false;
  }
}
