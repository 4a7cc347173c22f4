package io.smsim.report;

import io.smsim.metrics.Incident;
import io.smsim.metrics.TimelineEvent;
import io.smsim.model.EventKind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Appendix 1 of the incident review: the modelled timeline of the affected regions (all regions
 * when none was affected) in time order — faults, the process table filling, alerts, restarts,
 * failovers, cron-job changes, incident boundaries. Reaper runs far from any incident are summed
 * in one line, so that an hourly reaper over a month does not bury the story.
 */
final class ReviewTimeline {

  /** Reaper runs within this many seconds of an incident are listed one by one. */
  private static final long MARGIN_SECONDS = 3600;
  private static final Pattern PERIOD = Pattern.compile("period (\\d+)m");
  private static final Pattern LEAKED = Pattern.compile("leaked (\\d+)");

  private final ReplayView view;
  private final ZoneId zone;
  private final StringBuilder md;

  private record Row(Instant at, String region, String text) {
  }

  ReviewTimeline(ReplayView view, StringBuilder md) {
    this.view = view;
    this.zone = view.zone();
    this.md = md;
  }

  void write() {
    md.append("## Appendix 1: modelled timeline\n\n");
    List<RegionView> regions = view.affected().isEmpty() ? view.regions() : view.affected();
    List<Row> rows = new ArrayList<>();
    List<String> summaries = new ArrayList<>();
    for (RegionView r : regions) {
      long quietRuns = 0;
      long quietKilled = 0;
      for (TimelineEvent e : r.result().events()) {
        if (e.kind() == EventKind.REAPER && !nearIncident(r, e.at())) {
          quietRuns++;
          quietKilled += e.value();
        } else {
          rows.add(new Row(e.at(), r.name(), describe(e)));
        }
      }
      for (Incident i : r.result().incidents()) {
        rows.add(new Row(i.start(), r.name(), "**incident starts**: success ratio below the SLO"));
        if (i.end() != null) {
          rows.add(new Row(i.end(), r.name(), "**incident ends**: success ratio back above the SLO (" + i.resolvedBy()
              + ")"));
        }
      }
      if (quietRuns > 0) {
        summaries.add(r.name() + ": " + Formats.group(quietRuns) + " further reaper runs, more than "
            + MARGIN_SECONDS / 60 + " minutes from any incident, removed " + Formats.group(quietKilled) + " children.");
      }
    }
    rows.sort(Comparator.comparing(Row::at));
    md.append("| Time | Region | Event |\n|---|---|---|\n");
    for (Row row : rows) {
      md.append("| ").append(Formats.dateTime(row.at(), zone)).append(" | ").append(row.region()).append(" | ")
          .append(IncidentReview.cell(row.text())).append(" |\n");
    }
    md.append('\n');
    for (String s : summaries) {
      md.append(s).append("\n\n");
    }
  }

  private boolean nearIncident(RegionView r, Instant t) {
    for (Incident i : r.result().incidents()) {
      Instant end = i.end() == null ? view.run().virtualEnd() : i.end();
      if (!t.isBefore(i.start().minusSeconds(MARGIN_SECONDS)) && !t.isAfter(end.plusSeconds(MARGIN_SECONDS))) {
        return true;
      }
    }
    return false;
  }

  static String describe(TimelineEvent e) {
    String server = e.server().isEmpty() ? "" : " (" + e.server() + ")";
    return switch (e.kind()) {
      case FAULT_START -> "fault starts: " + e.detail() + server;
      case FAULT_END -> "fault ends: " + e.detail() + server;
      case PROCESS_LIMIT_REACHED -> "process table full" + server + ": " + Formats.group(e.value())
          + " processes" + leaked(e.detail());
      case ALERT -> "alert fires (" + e.detail().replace('_', ' ') + "): incident opened";
      case RESTART -> "restart" + server + ": " + e.detail() + "; " + Formats.group(e.value()) + " in flight lost";
      case BACK_UP -> "server back up" + server + (e.detail().isEmpty() ? "" : ": " + e.detail());
      case FAILOVER -> "failover" + server + ": " + e.detail() + "; " + Formats.group(e.value()) + " in flight lost";
      case SWITCHOVER_COMPLETE -> "switchover complete: " + e.server() + " serving";
      case REAPER -> "reaper run" + server + ": " + Formats.group(e.value()) + " children removed";
      case REAPER_SET -> "cron job set: " + reaperPeriod(e.detail())
          + (e.value() > 0 ? ", and at once at " + Formats.group(e.value()) + " processes" : "");
      default -> e.kind().key() + server + (e.detail().isEmpty() ? "" : ": " + e.detail());
    };
  }

  /** {@code period 60m} (a reaper-set event's detail) → {@code every 60 min}. */
  static String reaperPeriod(String detail) {
    Matcher m = PERIOD.matcher(detail);
    if (!m.matches()) {
      return detail;
    }
    return m.group(1).equals("0") ? "no periodic run" : "every " + m.group(1) + " min";
  }

  /** {@code leaked 29892} (a process-limit-reached event's detail) → {@code , 29,892 of them leaked}. */
  static String leaked(String detail) {
    Matcher m = LEAKED.matcher(detail);
    return m.matches() ? ", " + Formats.group(Long.parseLong(m.group(1))) + " of them leaked" : "";
  }
}
