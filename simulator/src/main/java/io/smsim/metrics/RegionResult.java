package io.smsim.metrics;

import io.smsim.model.Region;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Everything a run found about one region.
 *
 * @param requests service requests (all categories, journey steps included) by final outcome after retries
 * @param alerts device alerts through the gateways: delivered (succeeded) or failed
 * @param attempts messages the gateways were asked to take: request attempts (retries included) and alerts
 * @param attemptOutcomes attempts by outcome label
 * @param byCategory service requests per category label
 * @param peakProcesses the highest process count either server reached
 * @param policy the failover policy key
 * @param minutes the one-minute series (for charts), not part of summary.json
 */
public record RegionResult(Region region, Counts requests, Counts alerts, Counts attempts, Map<String, Long> attemptOutcomes,
    Map<String, Counts> byCategory, Births births, LatencySummary latencyMs, int peakProcesses,
    long leakedTotal, long reapedTotal, String policy, String activeAtEnd, List<Incident> incidents,
    List<Failover> failovers, List<TimelineEvent> events, MinuteSeries minutes)
    implements Serializable {

  public RegionResult {
    attemptOutcomes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attemptOutcomes));
    byCategory = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byCategory));
    incidents = List.copyOf(incidents);
    failovers = List.copyOf(failovers);
    events = List.copyOf(events);
  }
}
