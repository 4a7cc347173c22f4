package io.smsim.analysis;

import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console view of a {@link Sweep}: one row per point, key metrics of the affected regions as mean [95% CI]. */
public final class SweepTable {

  /** The key metrics of the table, per shown region. */
  public static final List<String> COLUMNS = List.of("birthingEvents.impacted", "requests.failed", "outageMinutes");

  private SweepTable() {
  }

  public static void print(Sweep s, PrintWriter out) {
    out.printf(Locale.ROOT, "%s%s · seed %d · %d point%s × %d replication%s, common random numbers · mean [95%% CI]%n",
        s.scenario(), s.variant() == null ? "" : " (variant " + s.variant() + ")", s.seed(), s.points().size(),
        s.points().size() == 1 ? "" : "s", s.replications(), s.replications() == 1 ? "" : "s");
    if (s.replications() == 1) {
      out.println("(one replication: no confidence intervals; use --replications N)");
    }
    List<Region> shown = shownRegions(s);
    TextTable t = new TextTable();
    List<String> header = new ArrayList<>();
    for (SweepParam p : s.params()) {
      header.add(p.path());
    }
    for (Region r : shown) {
      for (String m : COLUMNS) {
        header.add(r.key() + " " + KeyMetrics.LABELS.get(m));
      }
    }
    out.println();
    t.row(header);
    for (int i = 0; i < s.points().size(); i++) {
      List<String> row = new ArrayList<>(s.points().get(i));
      for (Region r : shown) {
        for (String m : COLUMNS) {
          row.add(Numbers.interval(s.stats().get(i).stat(s.indexOf(MetricPath.of(r, m))), s.replications()));
        }
      }
      t.row(row);
    }
    t.print(out);
  }

  /** The regions the table shows: those with births impacted, failed requests or outage at any point, else the first. */
  public static List<Region> shownRegions(Sweep s) {
    List<Region> shown = new ArrayList<>();
    for (Region r : Region.values()) {
      if (s.indexOf(MetricPath.of(r, "requests.failed")) >= 0 && affected(s, r)) {
        shown.add(r);
      }
    }
    if (shown.isEmpty()) {
      shown.addAll(firstRegion(s));
    }
    return shown;
  }

  private static boolean affected(Sweep s, Region r) {
    for (String name : COLUMNS) {
      int m = s.indexOf(MetricPath.of(r, name));
      for (PointStats p : s.stats()) {
        if (p.stat(m).n() > 0 && p.stat(m).mean() != 0) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Region> firstRegion(Sweep s) {
    for (Region r : Region.values()) {
      if (s.indexOf(MetricPath.of(r, "requests.failed")) >= 0) {
        return List.of(r);
      }
    }
    return List.of();
  }
}
