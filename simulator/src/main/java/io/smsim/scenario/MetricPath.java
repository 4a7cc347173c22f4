package io.smsim.scenario;

import io.smsim.model.Region;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of one summary metric of a run, as expectations, {@code compare}, {@code sweep} and
 * {@code replay --replications} name it. Paths follow {@code summary.json}:
 * <ul>
 *   <li>{@code requests}, {@code events}: the whole run;</li>
 *   <li>{@code regions.<region>.<name>}, {@code <name>} one of {@link #REGION_METRICS}: e.g.
 *       {@code regions.north.birthingEvents.impacted}. A list of summary.json used as a metric
 *       ({@code incidents}, {@code failovers}) is its length; {@code outageMinutes} is the sum of
 *       the incidents' minutes and {@code detectionDelayMinutes} the time from the first
 *       incident's start to its detection (not applicable without a detected incident);</li>
 *   <li>{@code regions.<region>.incidents[i].<field>} and {@code regions.<region>.failovers[i].<field>}:
 *       one item's field, e.g. {@code regions.north.incidents[0].start} (a time).</li>
 * </ul>
 *
 * @param region {@code null} for a whole-run metric
 * @param name the metric ({@code requests.failed}) or the list ({@code incidents}) of an item's field
 * @param index the list item, or -1
 * @param field the item's field, or empty
 */
public record MetricPath(String text, Region region, String name, int index, String field, Kind kind)
    implements Serializable {

  /** What a metric's values are. */
  public enum Kind {
    /** A count or a measure; aggregated over replications. */
    NUMBER,
    /** An instant; compared with ISO-8601 times (local in the scenario's zone unless an offset is given). */
    TIME,
    /** A word such as {@code restart}; only {@code equals} applies. */
    TEXT
  }

  /** Per-region metrics, in report order: the key what-if metrics first. */
  public static final List<String> REGION_METRICS = List.of(
      "birthingEvents.impacted", "requests.failed", "outageMinutes", "detectionDelayMinutes", "failovers",
      "incidents", "requests.total", "requests.succeeded", "requests.inFlight", "attempts.total",
      "attempts.succeeded", "attempts.failed", "birthingEvents.total", "birthingEvents.completed",
      "birthingEvents.disrupted", "birthingEvents.inProgress", "latencyMs.mean", "latencyMs.p50",
      "latencyMs.p90", "latencyMs.p99", "latencyMs.max", "peakProcesses", "leakedProcesses", "reapedProcesses");

  /** Whole-run metrics. */
  public static final List<String> RUN_METRICS = List.of("requests", "events");

  /** Fields of {@code incidents[i]}. */
  public static final Map<String, Kind> INCIDENT_FIELDS = fields(
      "start", Kind.TIME, "end", Kind.TIME, "detectedAt", Kind.TIME, "minutes", Kind.NUMBER,
      "resolvedBy", Kind.TEXT, "birthingEventsImpacted", Kind.NUMBER, "requestsFailed", Kind.NUMBER,
      "serviceRequestsFailed", Kind.NUMBER, "firmwareRequestsFailed", Kind.NUMBER, "attempts", Kind.NUMBER,
      "attemptsFailed", Kind.NUMBER);

  /** Fields of {@code failovers[i]}. */
  public static final Map<String, Kind> FAILOVER_FIELDS = fields(
      "at", Kind.TIME, "servingAt", Kind.TIME, "from", Kind.TEXT, "to", Kind.TEXT, "reason", Kind.TEXT,
      "lostInFlight", Kind.NUMBER);

  private static final Pattern ITEM = Pattern.compile("(incidents|failovers)\\[(\\d{1,6})]\\.(.+)");

  /** A per-region metric from {@link #REGION_METRICS}. */
  public static MetricPath of(Region region, String name) {
    if (!REGION_METRICS.contains(name)) {
      throw new IllegalArgumentException("not a region metric: " + name);
    }
    return new MetricPath("regions." + region.key() + "." + name, region, name, -1, "", Kind.NUMBER);
  }

  /** Every per-region metric of the regions, region by region in their natural order. */
  public static List<MetricPath> regionMetrics(Set<Region> regions) {
    List<MetricPath> out = new ArrayList<>();
    for (Region r : Region.values()) {
      if (regions.contains(r)) {
        for (String name : REGION_METRICS) {
          out.add(of(r, name));
        }
      }
    }
    return out;
  }

  /**
   * Parses a path; the message of the exception says what is accepted.
   *
   * @param regions the regions the scenario defines
   */
  public static MetricPath parse(String text, Set<Region> regions) {
    String t = text.trim();
    if (RUN_METRICS.contains(t)) {
      return new MetricPath(t, null, t, -1, "", Kind.NUMBER);
    }
    if (!t.startsWith("regions.")) {
      throw new IllegalArgumentException("unknown metric " + quote(t) + hint(t, RUN_METRICS)
          + "; accepted: " + String.join(", ", RUN_METRICS) + ", or regions.<region>.<metric>, e.g. "
          + "regions.north.birthingEvents.impacted");
    }
    String rest = t.substring("regions.".length());
    int dot = rest.indexOf('.');
    String regionKey = dot < 0 ? rest : rest.substring(0, dot);
    Region region = null;
    for (Region r : Region.values()) {
      if (r.key().equals(regionKey)) {
        region = r;
      }
    }
    if (region == null || dot < 0) {
      throw new IllegalArgumentException("expected regions.<north|central|south>.<metric>: " + t);
    }
    if (!regions.contains(region)) {
      throw new IllegalArgumentException("region " + region.key() + " is not defined in this scenario: " + t);
    }
    String name = rest.substring(dot + 1);
    if (REGION_METRICS.contains(name)) {
      return of(region, name);
    }
    Matcher m = ITEM.matcher(name);
    if (m.matches()) {
      Map<String, Kind> fields = m.group(1).equals("incidents") ? INCIDENT_FIELDS : FAILOVER_FIELDS;
      Kind kind = fields.get(m.group(3));
      if (kind == null) {
        throw new IllegalArgumentException("unknown field " + quote(m.group(3)) + " of " + m.group(1) + "[i]"
            + hint(m.group(3), List.copyOf(fields.keySet())) + "; accepted: " + String.join(", ", fields.keySet()));
      }
      return new MetricPath(t, region, m.group(1), Integer.parseInt(m.group(2)), m.group(3), kind);
    }
    throw new IllegalArgumentException("unknown metric " + quote(name) + hint(name, REGION_METRICS)
        + "; accepted: " + String.join(", ", REGION_METRICS) + ", incidents[i].<field>, failovers[i].<field>");
  }

  /** Whether the path names one list item's field. */
  public boolean item() {
    return index >= 0;
  }

  /** The metric name without the region, e.g. {@code birthingEvents.impacted} or {@code incidents[0].start}. */
  public String metric() {
    return item() ? name + "[" + index + "]." + field : name;
  }

  /** {@code north}, or {@code all} for a whole-run metric (the CSV's region column). */
  public String regionKey() {
    return region == null ? "all" : region.key();
  }

  @Override
  public String toString() {
    return text;
  }

  private static String hint(String name, List<String> accepted) {
    List<String> close = new ArrayList<>();
    for (String a : accepted) {
      if (Values.distance(name, a) <= Math.max(1, Math.min(3, a.length() / 3))) {
        close.add(a);
      }
    }
    return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
  }

  private static String quote(String s) {
    return "\"" + s + "\"";
  }

  private static Map<String, Kind> fields(Object... pairs) {
    Map<String, Kind> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put((String) pairs[i], (Kind) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
