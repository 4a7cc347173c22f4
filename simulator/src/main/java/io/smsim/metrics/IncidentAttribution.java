package io.smsim.metrics;

import java.time.Duration;
import io.smsim.model.EventKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills an incident's detection time and what resolved it from the region's timeline: detection is
 * the first {@code alert} from shortly before the incident to its end; the resolution is the last
 * recovery action (restart, failover, reaper run that killed children) between the incident's start
 * and one minute after its end — "none" when it recovered without one.
 */
final class IncidentAttribution {

  private static final Duration DETECTION_LEAD = Duration.ofMinutes(5);
  private static final Duration RESOLUTION_LAG = Duration.ofMinutes(1);

  private IncidentAttribution() {
  }

  static List<Incident> attribute(List<Incident> incidents, List<TimelineEvent> events) {
    List<Incident> out = new ArrayList<>();
    for (Incident i : incidents) {
      Instant detected = null;
      String resolved = i.resolvedBy();
      Instant end = i.end();
      for (TimelineEvent e : events) {
        boolean afterStart = !e.at().isBefore(i.start().minus(DETECTION_LEAD));
        boolean beforeEnd = end == null || !e.at().isAfter(end);
        if (e.kind() == EventKind.ALERT && detected == null && afterStart && beforeEnd) {
          detected = e.at();
        }
        if (end != null && !e.at().isBefore(i.start()) && !e.at().isAfter(end.plus(RESOLUTION_LAG))) {
          switch (e.kind()) {
            case RESTART -> resolved = "restart";
            case FAILOVER -> resolved = "failover";
            case REAPER -> {
              if (e.value() > 0) {
                resolved = "reaper";
              }
            }
            default -> {
            }
          }
        }
      }
      out.add(new Incident(i.start(), i.end(), i.minutes(), detected, resolved, i.birthingEventsImpacted(),
          i.requestsFailed(), i.serviceRequestsFailed(), i.firmwareRequestsFailed(), i.attemptsFailed(),
          i.attempts()));
    }
    return out;
  }
}
