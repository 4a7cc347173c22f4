package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The incident review {@code smsim compare} writes: the baseline's replication 0 reviewed as a replay
 * of the baseline variant reviews it, with each variant's modelled effect stated, in the console's
 * texts, where the seed report makes the matching claim.
 */
class CompareIncidentReviewTest {

  private static String review;
  private static List<List<String>> metrics;
  private static List<List<String>> diffs;

  @BeforeAll
  static void load() {
    SmallStudies.Run run = SmallStudies.compare();
    review = run.read(ReplayReports.REVIEW);
    List<SmallStudies.Table> tables = SmallStudies.consoleTables(run.console());
    metrics = tables.stream().filter(t -> t.title().isEmpty() && t.rows().get(0).get(0).equals("north")).findFirst()
        .orElseThrow().rows();
    diffs = tables.stream().filter(t -> t.title().startsWith("difference from base")).findFirst().orElseThrow().rows();
  }

  @Test
  void reviewsTheBaselinesFirstReplicationAsItsReplayDoes() {
    SmallStudies.Run replay = SmallStudies.run("replay", "--variant", "base");
    String alone = replay.read(ReplayReports.REVIEW);
    for (String section : List.of("## Summary of Impact", "## Root Cause Summary", "## Details of the review",
        "## Appendix 1")) {
      assertThat(section(review, section)).as(section).startsWith(firstParagraphs(section(alone, section)));
    }
    assertThat(review).contains("replication 0 of the baseline variant `base`, with the modelled effect of the other"
        + " variants over 3 replications each (smsim compare)")
        .doesNotContain("no comparison was run");
    assertThat(alone).contains("no comparison was run with this replay");
  }

  @Test
  void incidentMitigationStatesEveryVariantsEffectInTheConsolesNumbers() {
    String mitigation = section(review, "## Incident Mitigation");
    for (String variant : List.of("reaper", "reaper-fails", "app-failover", "no-restart")) {
      assertThat(mitigation).contains("- **" + variant + "**: ")
          .contains(effect(variant, "births impacted", "Birthing events impacted"))
          .contains(effect(variant, "requests failed", "service requests failed"))
          .contains(effect(variant, "outage minutes", "outage minutes"));
    }
    assertThat(mitigation).contains("It would have prevented the incident: no incident in any of the 3 replications.")
        .contains("It makes no difference: the same birthing events impacted in every one of the 3 replications.")
        .doesNotContain("- **base**");
  }

  @Test
  void theCronJobIsAPreventativeMeasureAndARootCauseAction() {
    String preventative = section(review, "## Preventative Measures");
    assertThat(preventative).contains("- reaper: " + effect("reaper", "births impacted", "birthing events impacted")
        + ": it would have prevented the incident").doesNotContain("reaper-fails").doesNotContain("app-failover");
    assertThat(row("A cron job removing leaked child processes.")).contains("reaper: birthing events impacted")
        .doesNotContain("reaper-fails").doesNotContain("app-failover");
  }

  @Test
  void theFailoverClaimIsAnsweredByTheFailoverVariant() {
    String rootCause = section(review, "## Root Cause Summary");
    assertThat(rootCause).contains("The report's claim, \"if the failover had occurred successfully there would have"
        + " been no capacity issues as alternate servers would have been able to manage the number of requests\", as"
        + " modelled").contains("- **app-failover**: ")
        .contains(effect("app-failover", "failovers", "failovers"))
        .doesNotContain("**reaper**").doesNotContain("**no-restart**");
    assertThat(row("Fail over to the standby when the application degrades"))
        .contains("app-failover: " + effect("app-failover", "births impacted", "birthing events impacted") + ": ");
    assertThat(row("Hot fix for the Gateway Scheduler defect")).endsWith("| Not compared |");
  }

  @Test
  void theRiskIfTheAutomationFailsIsAnsweredByTheReaperOutage() {
    String risks = section(review, "### Identified Risks");
    assertThat(risks).contains("| There is a risk that if the automation fails then this could re-occur. | The risk"
        + " stands in the model: the incident recurs, ").contains("**reaper-fails**")
        .contains(effect("reaper-fails", "births impacted", "Birthing events impacted"))
        .doesNotContain("**reaper**:");
  }

  /** {@code Birthing events impacted 0 vs 40.3 [31.6, 49.1], difference -40.3 [-49.1, -31.6]} from the console's tables. */
  private static String effect(String variant, String label, String words) {
    int column = metrics.get(0).indexOf(variant);
    int diffColumn = diffs.get(0).indexOf(variant);
    List<String> row = metrics.stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow();
    List<String> diff = diffs.stream().filter(r -> r.get(0).equals(label)).findFirst().orElseThrow();
    return words + " " + row.get(column) + " vs " + row.get(metrics.get(0).indexOf("base")) + ", difference "
        + diff.get(diffColumn);
  }

  /** The Root Cause Actions row of an action. */
  private static String row(String action) {
    return section(review, "## Root Cause Actions").lines().filter(l -> l.startsWith("| " + action)).findFirst()
        .orElseThrow();
  }

  /** From a heading to the next heading of the same or a higher level. */
  static String section(String md, String heading) {
    int from = md.indexOf("\n" + heading);
    assertThat(from).as("section %s", heading).isNotNegative();
    String level = heading.substring(0, heading.indexOf(' ') + 1);
    int to = md.indexOf("\n" + level, from + 1);
    int higher = level.length() > 3 ? md.indexOf("\n## ", from + 1) : -1;
    if (higher >= 0 && (to < 0 || higher < to)) {
      to = higher;
    }
    return md.substring(from + 1, to < 0 ? md.length() : to);
  }

  /** The section up to its first "Modelled effect" or claim, which only a compare adds. */
  private static String firstParagraphs(String section) {
    int cut = section.indexOf("\nThe report's claim");
    return cut < 0 ? section : section.substring(0, cut);
  }
}
