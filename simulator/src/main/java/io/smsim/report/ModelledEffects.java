package io.smsim.report;

import io.smsim.analysis.Comparison;
import io.smsim.analysis.Summary;
import io.smsim.model.Region;
import io.smsim.report.VariantChanges.Topic;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.Variant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the incident review says about the variants of a comparison: each variant's modelled effect
 * in a region (its mean [95% CI] against the baseline's, and the paired difference), in the console's
 * very texts, and a verdict in the review's words. Each variant carries what it changes
 * ({@link VariantChanges}), by which the review places it. {@link #none()} stands for a replay
 * without comparison.
 */
final class ModelledEffects {

  /**
   * One variant other than the baseline.
   *
   * @param index the variant's index in the comparison (and compare.json)
   * @param regions the regions it changes (all, for a change to the whole scenario such as volume)
   */
  record Effect(int index, Variant variant, Set<Topic> topics, Set<Region> regions) {

    boolean about(Region r, Topic topic) {
      return topics.contains(topic) && regions.contains(r);
    }
  }

  private static final ModelledEffects NONE = new ModelledEffects(null, null, List.of());

  private final Comparison c;
  private final CompareView view;
  private final List<Effect> effects;

  private ModelledEffects(Comparison c, CompareView view, List<Effect> effects) {
    this.c = c;
    this.view = view;
    this.effects = List.copyOf(effects);
  }

  static ModelledEffects none() {
    return NONE;
  }

  static ModelledEffects of(Comparison c) {
    Scenario base = c.baselineVariant().scenario();
    List<Effect> effects = new ArrayList<>();
    for (int v = 0; v < c.variants().size(); v++) {
      if (v != c.baseline()) {
        Variant variant = c.variants().get(v);
        Set<Topic> topics = EnumSet.noneOf(Topic.class);
        Set<Region> regions = EnumSet.noneOf(Region.class);
        VariantChanges.between(base, variant.scenario(), topics, regions);
        effects.add(new Effect(v, variant, topics, regions));
      }
    }
    return new ModelledEffects(c, CompareView.of(c), effects);
  }

  boolean ran() {
    return c != null;
  }

  int replications() {
    return c.replications();
  }

  String baseline() {
    return c.baselineVariant().name();
  }

  /** Every variant but the baseline, in the comparison's order. */
  List<Effect> effects() {
    return effects;
  }

  /** The variants that change {@code topic} in region {@code r}. */
  List<Effect> about(Region r, Topic topic) {
    return effects.stream().filter(e -> e.about(r, topic)).toList();
  }

  /** The regions the comparison's tables show (those with an impact in some variant). */
  List<Region> regions() {
    return view.shown();
  }

  /** How the effects were modelled and how to read them. */
  String method() {
    return "smsim compare, " + c.replications() + " replication" + (c.replications() == 1 ? "" : "s")
        + " per variant under common random numbers; for each variant, its mean [95% CI] over the replications vs"
        + " that of the baseline (" + baseline() + "), then the difference paired by replication, variant − baseline";
  }

  /** A reference back to {@link #method()}. */
  String methodShort() {
    return "smsim compare, " + c.replications() + " replication" + (c.replications() == 1 ? "" : "s")
        + " per variant, against " + baseline() + "; read as under Incident Mitigation";
  }

  /** The variant's name and what it is: {@code **hourly-reaper**: The report's cron job ... .}. */
  String title(Effect e) {
    String d = e.variant().description().strip().replaceAll("\\s+", " ");
    if (d.isEmpty()) {
      d = e.variant().set().isEmpty() ? "The scenario as written" : String.join(" · ", e.variant().overrides());
    }
    return "**" + Markdown.text(e.variant().name()) + "**: " + Markdown.text(d) + (d.endsWith(".") ? "" : ".");
  }

  /** {@code birthing events impacted 0 vs 36.6 [34.9, 38.2], difference -36.6 [-38.2, -34.9]}. */
  String metric(Effect e, Region r, String metric) {
    return words(metric) + " " + view.statText(e.index(), r, metric) + " vs "
        + view.statText(c.baseline(), r, metric) + ", difference " + view.diffText(e.index(), r, metric);
  }

  /** The full statement: every key metric with an impact, then the verdict. */
  String full(Effect e, Region r) {
    List<String> parts = new ArrayList<>();
    for (String m : List.of("birthingEvents.impacted", "requests.failed", "outageMinutes", "failovers")) {
      if (!m.equals("failovers") || anyValue(e, r, m)) {
        parts.add(metric(e, r, m));
      }
    }
    return String.join("; ", parts) + ". " + capitalised(verdict(e, r)) + ".";
  }

  /** The short statement: the headline metric and the verdict. */
  String brief(Effect e, Region r) {
    return e.variant().name() + ": " + metric(e, r, headline(e, r)) + ": " + verdict(e, r);
  }

  /**
   * What the replications say, in words: prevented (no incident in any replication), reduced or worse
   * (the headline metric's paired interval excludes 0), no difference at all, or none the
   * replications can tell from noise.
   */
  String verdict(Effect e, Region r) {
    String metric = headline(e, r);
    Summary base = view.stat(c.baseline(), r, metric);
    Summary x = view.stat(e.index(), r, metric);
    Summary d = view.diff(e.index(), r, metric);
    Summary incidents = view.stat(e.index(), r, "incidents");
    Summary baseIncidents = view.stat(c.baseline(), r, "incidents");
    String what = words(metric);
    int n = c.replications();
    if (incidents.n() > 0 && incidents.mean() == 0 && baseIncidents.mean() > 0) {
      return "it would have prevented the incident: no incident in any of the " + replications(n);
    }
    if (baseIncidents.n() > 0 && baseIncidents.mean() == 0 && incidents.mean() > 0) {
      return "it would have caused incidents where " + baseline() + " has none: incidents per replication "
          + view.statText(e.index(), r, "incidents");
    }
    if (d.n() == 0) {
      return "no paired difference applies";
    }
    boolean exact = d.mean() == 0 && (!d.hasCi() || (d.ciLow() == 0 && d.ciHigh() == 0));
    if (exact) {
      return "it makes no difference: the same " + what + " in every one of the " + replications(d.n());
    }
    String share = base.mean() > 0 ? percent(Math.abs(d.mean()) / base.mean()) + " " : "";
    if (!d.hasCi()) {
      return "in the one replication with a value, " + share + (d.mean() < 0 ? "fewer " : "more ") + what
          + " (no confidence interval)";
    }
    if (d.ciHigh() < 0) {
      if (x.mean() == 0 && incidents.mean() > 0) {
        return "it would have brought " + what + " to none in every replication (" + share.strip()
            + " fewer), though not prevented the incident: " + words("outageMinutes") + " "
            + view.statText(e.index(), r, "outageMinutes");
      }
      return "it would have reduced the impact: " + share + "fewer " + what
          + (x.mean() > 0 ? ", though not to none in every replication" : ", none in any replication");
    }
    if (d.ciLow() > 0) {
      return "it would have made the incident worse: " + (base.mean() > 0 && x.mean() >= 2 * base.mean()
          ? String.format(Locale.ROOT, "%.1f times the %s", x.mean() / base.mean(), what) : share + "more " + what);
    }
    return "no difference the " + replications(d.n()) + " can tell apart from noise (the interval of the"
        + " difference includes 0)";
  }

  /** Whether the incident recurs under the variant: its incidents per replication against the baseline's. */
  String recurrence(Effect e, Region r) {
    Summary incidents = view.stat(e.index(), r, "incidents");
    String per = "incidents per replication " + view.statText(e.index(), r, "incidents") + " (" + baseline() + ": "
        + view.statText(c.baseline(), r, "incidents") + ")";
    return incidents.n() > 0 && incidents.mean() > 0 ? "The risk stands in the model: the incident recurs, " + per + "."
        : "The risk does not materialise in the model: " + per + ".";
  }

  /** The metric a verdict is about: births impacted, else failed requests, else outage minutes, whichever has any. */
  private String headline(Effect e, Region r) {
    for (String m : List.of("birthingEvents.impacted", "requests.failed")) {
      if (view.stat(c.baseline(), r, m).mean() > 0 || view.stat(e.index(), r, m).mean() > 0) {
        return m;
      }
    }
    return "outageMinutes";
  }

  private boolean anyValue(Effect e, Region r, String metric) {
    Summary a = view.stat(e.index(), r, metric);
    Summary b = view.stat(c.baseline(), r, metric);
    return (a.n() > 0 && a.mean() != 0) || (b.n() > 0 && b.mean() != 0);
  }

  static String words(String metric) {
    return switch (metric) {
      case "birthingEvents.impacted" -> "birthing events impacted";
      case "requests.failed" -> "service requests failed";
      case "outageMinutes" -> "outage minutes";
      case "detectionDelayMinutes" -> "minutes to detect";
      case "failovers" -> "failovers";
      default -> metric;
    };
  }

  private static String replications(int n) {
    return n == 1 ? "1 replication" : n + " replications";
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
