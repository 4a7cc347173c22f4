package io.smsim.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

/** The what-if metrics the console tables and the reports show, with their labels (the files hold every metric). */
public final class KeyMetrics {

  /** Metric name → label, in table order. */
  public static final Map<String, String> LABELS = labels();

  /**
   * The first incident's local times of day (minutes after midnight), which the console tables
   * add below the key metrics as {@code 10:24 [10:22, 10:26]} (differences in minutes).
   */
  public static final Map<String, String> TIMES = times();

  private KeyMetrics() {
  }

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("birthingEvents.impacted", "births impacted");
    m.put("requests.failed", "requests failed");
    m.put("outageMinutes", "outage minutes");
    m.put("detectionDelayMinutes", "detection delay, min");
    m.put("failovers", "failovers");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static Map<String, String> times() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("firstIncident.startTimeOfDay", "incident start");
    m.put("firstIncident.detectedTimeOfDay", "detected at");
    m.put("firstIncident.endTimeOfDay", "incident end");
    return java.util.Collections.unmodifiableMap(m);
  }
}
