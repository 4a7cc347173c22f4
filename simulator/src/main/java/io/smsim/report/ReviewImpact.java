package io.smsim.report;

import io.smsim.metrics.Incident;
import io.smsim.model.Times;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Summary of Impact [SEC H9.14(c)] of the incident review: a paragraph on the major incident
 * in the seed report's manner (when it began, when it was detected and how, how intermittent, what
 * failed, when service was restored, which regions were unaffected), every incident when there were
 * several, and the impact per region: birthing events, service requests and firmware requests.
 */
final class ReviewImpact {

  private final ReplayView view;
  private final ZoneId zone;
  private final StringBuilder md;

  ReviewImpact(ReplayView view, StringBuilder md) {
    this.view = view;
    this.zone = view.zone();
    this.md = md;
  }

  void write() {
    md.append("## Summary of Impact [SEC H9.14(c)]\n\n");
    view.major().ifPresent(major -> md.append(paragraph(major)).append("\n\n"));
    List<RegionView> unaffected = view.unaffected();
    List<String> affected = view.affected().stream().map(RegionView::name).toList();
    if (!affected.isEmpty()) {
      long births = 0;
      long install = 0;
      long onDemand = 0;
      long firmware = 0;
      for (RegionView.RegionIncident ri : view.incidents()) {
        Incident i = ri.incident();
        births += i.birthingEventsImpacted();
        install += i.requestsFailed() - i.serviceRequestsFailed() - i.firmwareRequestsFailed();
        onDemand += i.serviceRequestsFailed();
        firmware += i.firmwareRequestsFailed();
      }
      md.append("This affected service users' ")
          .append(IncidentReview.servicesImpacted(births, install, onDemand, firmware)).append(" in the ")
          .append(names(affected)).append(affected.size() == 1 ? " region only" : " regions");
      if (!unaffected.isEmpty()) {
        md.append(", whilst the ").append(names(unaffected.stream().map(RegionView::name).toList()))
            .append(unaffected.size() == 1 ? " region remained" : " regions remained")
            .append(" unaffected (no failed request in the whole run)");
      }
      md.append(".\n\n");
    }
    if (view.incidents().size() > 1) {
      allIncidents();
    }
    perRegion();
  }

  /** Words for the share of failed attempts: the report's "intermittent" only where most still succeeded. */
  static String severity(double failedShare) {
    if (failedShare >= 1) {
      return "total";
    }
    if (failedShare >= 0.5) {
      return "severe, with some requests still succeeding";
    }
    return "intermittent";
  }

  private String paragraph(RegionView.RegionIncident ri) {
    RegionView r = ri.region();
    Incident i = ri.incident();
    StringBuilder p = new StringBuilder();
    p.append("An issue began at ").append(Formats.clock(i.start(), zone)).append(" on ")
        .append(Formats.date(i.start(), zone)).append(" in the CSP ").append(r.name())
        .append(" region (simulated): the share of successful attempts fell below the SLO of ")
        .append(Formats.percent(view.scenario().reporting().slo())).append(" per minute.");
    if (i.detectedAt() != null) {
      p.append(" It was detected at ").append(Formats.clock(i.detectedAt(), zone)).append(", ")
          .append(Formats.minutesBetween(i.start(), i.detectedAt())).append(" minutes later: ")
          .append(IncidentReview.detection(r.spec().monitoring())).append('.');
    } else {
      p.append(" The alert rule (").append(IncidentReview.alertCondition(r.spec().monitoring()))
          .append(") never fired.");
    }
    double failedShare = i.attempts() == 0 ? 0 : (double) i.attemptsFailed() / i.attempts();
    p.append(" The impact to Service Users was ").append(severity(failedShare)).append(": ")
        .append(Formats.group(i.attemptsFailed())).append(" of ").append(Formats.group(i.attempts()))
        .append(" attempts in the window failed (").append(Formats.share(i.attemptsFailed(), Math.max(1, i.attempts())))
        .append("), and after the users' retries ").append(Formats.group(i.requestsFailed()))
        .append(" service requests failed (on-demand ").append(Formats.group(i.serviceRequestsFailed()))
        .append(", firmware ").append(Formats.group(i.firmwareRequestsFailed())).append("). ")
        .append(i.birthingEventsImpacted() == 0 ? "No birthing event was"
            : i.birthingEventsImpacted() == 1 ? "1 birthing event was"
            : Formats.group(i.birthingEventsImpacted()) + " birthing events were")
        .append(" impacted.");
    if (i.end() != null) {
      p.append(" Service was restored at ").append(Formats.clock(i.end(), zone)).append(" (").append(i.resolvedBy())
          .append(").");
    } else {
      p.append(" The incident was still ongoing when the run ended.");
    }
    return p.toString();
  }

  private void allIncidents() {
    md.append("All ").append(view.incidents().size()).append(" incidents of the run:\n\n");
    md.append("| Region | Window | Minutes | Detected | Resolved by | Birthing events impacted | Service requests"
        + " failed |\n|---|---|--:|---|---|--:|--:|\n");
    for (RegionView.RegionIncident ri : view.incidents()) {
      Incident i = ri.incident();
      md.append("| ").append(ri.region().name()).append(" | ").append(window(i)).append(" | ")
          .append(String.format(Locale.ROOT, "%.0f", i.minutes())).append(" | ")
          .append(Formats.clock(i.detectedAt(), zone)).append(" | ").append(i.resolvedBy()).append(" | ")
          .append(Formats.group(i.birthingEventsImpacted())).append(" | ").append(Formats.group(i.requestsFailed()))
          .append(" |\n");
    }
    md.append('\n');
  }

  private void perRegion() {
    md.append("Impact per region, in incident windows:\n\n");
    md.append("| Region | Incident window | Birthing events impacted | On-demand service requests failed"
        + " | Firmware requests failed | All service requests failed |\n|---|---|--:|--:|--:|--:|\n");
    for (RegionView r : view.regions()) {
      long births = 0;
      long onDemand = 0;
      long firmware = 0;
      long all = 0;
      List<String> windows = new ArrayList<>();
      for (Incident i : r.result().incidents()) {
        births += i.birthingEventsImpacted();
        onDemand += i.serviceRequestsFailed();
        firmware += i.firmwareRequestsFailed();
        all += i.requestsFailed();
        windows.add(window(i));
      }
      String window = windows.size() > 3 ? windows.size() + " incidents from "
          + Formats.dateTime(r.result().incidents().get(0).start(), zone) + " (listed above)"
          : !windows.isEmpty() ? String.join("<br>", windows)
          : r.unaffected() ? "none: unaffected"
          : "none (" + Formats.group(r.result().requests().failed()) + " requests failed over the run,"
              + " never below the SLO)";
      md.append("| ").append(r.name()).append(" | ").append(window).append(" | ").append(Formats.group(births))
          .append(" | ").append(Formats.group(onDemand)).append(" | ").append(Formats.group(firmware)).append(" | ")
          .append(Formats.group(all)).append(" |\n");
    }
    md.append("\nWhole run (as in the console summary, summary.json and report.html):\n\n| region |");
    for (String label : KeyFigures.LABELS) {
      md.append(' ').append(label).append(" |");
    }
    md.append("\n|---|").append("--:|".repeat(KeyFigures.LABELS.size())).append('\n');
    for (RegionView r : view.regions()) {
      md.append("| ").append(r.key()).append(" |");
      for (KeyFigures.Figure f : KeyFigures.of(r.result())) {
        md.append(' ').append(f.text()).append(" |");
      }
      md.append('\n');
    }
    md.append('\n');
  }

  /** {@code 10:23–10:47 BST on 02/04/2019}. */
  String window(Incident i) {
    String span = i.end() == null ? Formats.clock(i.start(), zone) + "–end of run"
        : Times.clock(i.start(), zone) + "–" + Formats.clock(i.end(), zone);
    return span + " on " + Formats.date(i.start(), zone);
  }

  static String names(List<String> names) {
    if (names.size() <= 1) {
      return String.join("", names);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }
}
