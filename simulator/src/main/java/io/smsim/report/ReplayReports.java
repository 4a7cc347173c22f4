package io.smsim.report;

import io.smsim.analysis.Replications;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;

/** The human-facing reports of a replay, written next to summary.json: report.html and incident-review.md. */
public final class ReplayReports {

  public static final String HTML = "report.html";
  public static final String REVIEW = "incident-review.md";

  private ReplayReports() {
  }

  /** Writes both reports into {@code dir} and returns their paths. */
  public static List<Path> write(Scenario scenario, RunResult run, Path dir) {
    return write(ReplayView.of(scenario, run), dir);
  }

  /** Writes both reports of {@code replay --replications N}: replication 0, and the statistics over all N. */
  public static List<Path> write(Scenario scenario, Replications reps, Path dir) {
    return write(ReplayView.of(scenario, reps.first(), reps), dir);
  }

  private static List<Path> write(ReplayView view, Path dir) {
    Path html = dir.resolve(HTML);
    Path review = dir.resolve(REVIEW);
    HtmlReport.write(view, html);
    IncidentReview.write(view, review);
    return List.of(html, review);
  }
}
