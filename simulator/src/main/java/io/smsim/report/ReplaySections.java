package io.smsim.report;

/** The chart sections of a replay's {@code report.html}: headings, what each chart shows, and its container. */
final class ReplaySections {

  private ReplaySections() {
  }

  static String html(ReplayView view) {
    StringBuilder h = new StringBuilder();
    h.append("<main>\n");
    section(h, "rate", "Request rate",
        "Attempts per second per region, retries included. Shaded: incident windows. Minutes are merged into"
            + " equal buckets so that no series has more than about " + ChartData.MAX_POINTS + " points, except in"
            + " incident windows (and " + ChartData.INCIDENT_MARGIN_MINUTES + " minutes either side, unless there are"
            + " many), which keep one-minute resolution."
            + " Drag or scroll on any chart to zoom; the time charts move together.");
    chart(h, "rate", null, "chart", "Attempts per second by region over the run");
    section(h, "success", "Success ratio",
        "Share of attempts that succeeded, per region and bucket, against the SLO ("
            + Formats.percent(view.scenario().reporting().slo()) + "). Shaded: incident windows; vertical lines:"
            + " alerts (detection) and restarts.");
    chart(h, "success", null, "chart", "Share of successful attempts by region over the run");
    section(h, "processes", "Process table per server",
        "Live Gateway Scheduler processes (working and leaked children) of each server at each minute's end, the"
            + " highest in each bucket, against the process limit and the reaper's threshold. Markers: reaper runs"
            + " (children killed), the limit being reached, restarts, failovers and switchovers.");
    for (RegionView r : view.regions()) {
      chart(h, "processes", r.key(), "chart small", "Live processes per server of " + r.name()
          + " against the process limit of " + Formats.group(r.processLimit()));
    }
    section(h, "latency", "Latency",
        "Median and 99th percentile latency of successful attempts as the user saw them, per reporting interval ("
            + view.run().intervalMinutes() + " min), from the server that carried most of the traffic. Log scale.");
    chart(h, "latency", null, "chart", "Latency p50 and p99 by region over the run");
    h.append("</main>\n");
    return h.toString();
  }

  private static void section(StringBuilder h, String id, String title, String explain) {
    h.append("<h2 id=\"").append(id).append("\">").append(Html.text(title)).append("</h2>\n<p class=\"explain\">")
        .append(Html.text(explain)).append("</p>\n");
  }

  private static void chart(StringBuilder h, String kind, String region, String cssClass, String label) {
    h.append("<div class=\"").append(cssClass).append("\" id=\"chart-").append(kind)
        .append(region == null ? "" : "-" + region).append("\" data-chart=\"").append(kind).append('"')
        .append(" role=\"img\" aria-label=\"").append(Html.text(label)).append('"');
    if (region != null) {
      h.append(" data-region=\"").append(region).append('"');
    }
    h.append("></div>\n");
  }
}
