package io.smsim.report;

import io.smsim.metrics.RunResult;
import io.smsim.model.Region;
import io.smsim.report.VariantChanges.Topic;
import io.smsim.scenario.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * What a comparison adds to the incident review: each variant's modelled effect ({@link ModelledEffects})
 * under the section where the seed report makes the matching claim — every variant under Incident
 * Mitigation, the cron job and monitoring under Preventative Measures, "if the failover had occurred
 * successfully" and "exacerbated by volume" under the Root Cause Summary, each Root Cause Action's
 * variants in its row, and "if the automation fails" under Identified Risks.
 */
final class ReviewEffects {

  private final ModelledEffects effects;
  private final StringBuilder md;

  ReviewEffects(ModelledEffects effects, StringBuilder md) {
    this.effects = effects;
    this.md = md;
  }

  /** Every variant in full. */
  void mitigation() {
    md.append("Modelled effect of the alternatives compared (").append(effects.method()).append("):\n\n");
    if (effects.effects().isEmpty()) {
      md.append("- None: the comparison had only the baseline.\n");
    }
    for (ModelledEffects.Effect e : effects.effects()) {
      md.append("- ").append(effects.title(e));
      List<Region> regions = effects.regions();
      for (Region r : regions) {
        md.append(regions.size() > 1 ? "\n  - CSP " + CompareView.regionName(r) + ": " : " ")
            .append(IncidentReview.capitalised(effects.full(e, r)));
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** The variants that change the cron job (not those where it fails), monitoring or the defect, briefly. */
  void preventative() {
    List<String> lines = new ArrayList<>();
    for (Region r : effects.regions()) {
      for (ModelledEffects.Effect e : effects.effects()) {
        boolean measure = e.about(r, Topic.REAPER) && !e.about(r, Topic.REAPER_FAILS)
            || e.about(r, Topic.MONITORING) || e.about(r, Topic.LEAK);
        if (measure) {
          lines.add((effects.regions().size() > 1 ? "CSP " + CompareView.regionName(r) + ": " : "")
              + effects.brief(e, r));
        }
      }
    }
    md.append("Modelled effect of the preventative measures compared (").append(effects.methodShort())
        .append("):\n\n");
    if (lines.isEmpty()) {
      md.append("- None of the variants compared changes the cron job, monitoring or the defect.\n");
    }
    for (String line : lines) {
      md.append("- ").append(line).append(".\n");
    }
    md.append('\n');
  }

  /** The report's claims about the root cause, answered by the variants that change failover or volume. */
  void claims(RegionView r) {
    claim(r, Topic.FAILOVER, "The report's claim, \"if the failover had occurred successfully there would have been"
        + " no capacity issues as alternate servers would have been able to manage the number of requests\", as"
        + " modelled");
    claim(r, Topic.VOLUME, "The report's \"system defect exacerbated by volume\", as modelled");
  }

  private void claim(RegionView r, Topic topic, String lead) {
    Region region = r.result().region();
    List<ModelledEffects.Effect> about = effects.regions().contains(region) ? effects.about(region, topic) : List.of();
    if (about.isEmpty()) {
      return;
    }
    md.append(lead).append(" (").append(effects.methodShort()).append("):\n\n");
    for (ModelledEffects.Effect e : about) {
      md.append("- ").append(effects.title(e)).append(' ').append(IncidentReview.capitalised(effects.full(e, region)))
          .append('\n');
    }
    md.append('\n');
  }

  /** A Root Cause Action's cell: the variants that model it, briefly, or why there are none. */
  String action(RegionView r, Topic topic) {
    Region region = r.result().region();
    if (!effects.regions().contains(region)) {
      return "Not shown: no impact in " + r.name() + " in any variant";
    }
    List<String> briefs = new ArrayList<>();
    for (ModelledEffects.Effect e : effects.about(region, topic)) {
      if (!(topic == Topic.REAPER && e.about(region, Topic.REAPER_FAILS))) {
        briefs.add(effects.brief(e, region));
      }
    }
    return briefs.isEmpty() ? "Not compared" : String.join("<br>", briefs);
  }

  /** The report's Identified Risks, when variants modelled the automation failing. */
  void identifiedRisks(List<RegionView> affected) {
    List<String> rows = new ArrayList<>();
    for (RegionView r : affected) {
      Region region = r.result().region();
      if (!effects.regions().contains(region)) {
        continue;
      }
      for (ModelledEffects.Effect e : effects.about(region, Topic.REAPER_FAILS)) {
        rows.add("| There is a risk that if the automation fails then this could re-occur. | "
            + IncidentReview.cell(effects.recurrence(e, region) + " " + effects.title(e) + " "
                + IncidentReview.capitalised(effects.full(e, region))) + " | CSP " + r.name() + " |");
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    md.append("### Identified Risks\n\n| Risk | Modelled (").append(IncidentReview.cell(effects.methodShort()))
        .append(") | Owner |\n|---|---|---|\n");
    for (String row : rows) {
      md.append(row).append('\n');
    }
    md.append('\n');
  }

  /** How the review was made: the comparison, and the replay that is its incident. */
  void about(RunResult run) {
    String compare = "smsim compare " + run.source() + " --seed " + run.seed() + " --replications "
        + effects.replications();
    String replay = "smsim replay " + run.source() + (effects.baseline().equals(Variant.AS_WRITTEN) ? ""
        : " --variant " + effects.baseline()) + " --seed " + run.seed();
    md.append("Written by ").append(Markdown.code(compare)).append(" (and the same `--variants`, `--baseline`"
        + " and `--set` options, if any were given). The incident is replication 0 of the baseline ")
        .append(Markdown.code(effects.baseline())).append(", the same run as ").append(Markdown.code(replay))
        .append(", whose summary.json holds its numbers. The modelled effects are the numbers of `compare.json`, "
            + "`compare.csv`, `report.html` and the console from the same comparison.\n");
  }
}
