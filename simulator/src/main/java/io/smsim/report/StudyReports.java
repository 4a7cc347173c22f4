package io.smsim.report;

import io.smsim.analysis.Comparison;
import io.smsim.analysis.Sweep;
import java.nio.file.Path;
import java.util.List;

/**
 * The human-facing reports of the what-if commands, written next to their CSV and JSON files from the
 * same objects (one source of numbers): {@code compare} writes report.html and incident-review.md
 * (the baseline's review, with each variant's modelled effect), {@code sweep} writes report.html.
 */
public final class StudyReports {

  private StudyReports() {
  }

  /** Writes a comparison's report.html and incident-review.md into {@code dir}; returns their paths. */
  public static List<Path> compare(Comparison c, Path dir) {
    Path html = dir.resolve(ReplayReports.HTML);
    Path review = dir.resolve(ReplayReports.REVIEW);
    Page.write(html, CompareHtml.render(CompareView.of(c)));
    ReplayView baseline = ReplayView.of(c.baselineVariant().scenario(), c.baselineRun());
    IncidentReview.write(baseline, ModelledEffects.of(c), review);
    return List.of(html, review);
  }

  /** Writes a sweep's report.html into {@code dir}; returns its path. */
  public static Path sweep(Sweep s, Path dir) {
    Path html = dir.resolve(ReplayReports.HTML);
    Page.write(html, SweepHtml.render(SweepView.of(s)));
    return html;
  }
}
