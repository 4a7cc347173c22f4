package io.smsim.report;

import io.smsim.metrics.RegionResult;
import java.util.List;
import java.util.Locale;

/**
 * The key numbers of a region, formatted as the console summary prints them, each tied to where
 * {@code summary.json} holds it (a JSON path below {@code regions.<region>}). The HTML report
 * writes the path and raw value next to each shown number, and a test holds them to summary.json.
 */
final class KeyFigures {

  /**
   * One number.
   *
   * @param path JSON path below the region's object in summary.json
   * @param derive {@code null} when the value is stored at {@code path}; {@code length} for an
   *     array's size; {@code successRatio} for succeeded / (succeeded + failed) of the object at path
   * @param value the raw value, as summary.json writes it
   * @param text as shown to people
   */
  record Figure(String label, String path, String derive, String value, String text) {
  }

  static final List<String> LABELS = List.of("requests", "failed", "success", "births", "impacted", "p50 ms",
      "p99 ms", "peak procs", "failovers", "incidents");

  private KeyFigures() {
  }

  static List<Figure> of(RegionResult r) {
    return List.of(
        count("requests", "requests.total", r.requests().total()),
        count("failed", "requests.failed", r.requests().failed()),
        new Figure("success", "requests", "successRatio", Double.toString(r.requests().successRatio()),
            String.format(Locale.ROOT, "%.3f%%", 100 * r.requests().successRatio())),
        count("births", "birthingEvents.total", r.births().total()),
        count("impacted", "birthingEvents.impacted", r.births().impacted()),
        millis("p50 ms", "latencyMs.p50", r.latencyMs().p50()),
        millis("p99 ms", "latencyMs.p99", r.latencyMs().p99()),
        count("peak procs", "peakProcesses", r.peakProcesses()),
        new Figure("failovers", "failovers", "length", Integer.toString(r.failovers().size()),
            Integer.toString(r.failovers().size())),
        new Figure("incidents", "incidents", "length", Integer.toString(r.incidents().size()),
            Integer.toString(r.incidents().size())));
  }

  private static Figure count(String label, String path, long v) {
    return new Figure(label, path, null, Long.toString(v), ConsoleSummary.group(v));
  }

  private static Figure millis(String label, String path, double v) {
    return new Figure(label, path, null, io.smsim.analysis.Numbers.plain(v),
        String.format(Locale.ROOT, "%.0f", v));
  }
}
