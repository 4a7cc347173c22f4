package io.smsim.metrics;

import java.io.Serializable;
import java.time.Instant;

/**
 * A maximal period in which a region's success ratio (one-minute buckets) stayed below the SLO,
 * merging periods separated by less than the merge gap (ARCHITECTURE.md, "The model in brief").
 *
 * @param end {@code null} while ongoing at the end of the run
 * @param detectedAt first alert in the incident, {@code null} if never detected
 * @param resolvedBy restart, failover, reaper, none (recovered by itself) or ongoing
 * @param birthingEventsImpacted install &amp; commission journeys that failed in the period
 * @param requestsFailed service requests (all categories) that failed after retries in the period
 */
public record Incident(Instant start, Instant end, double minutes, Instant detectedAt, String resolvedBy,
    long birthingEventsImpacted, long requestsFailed, long serviceRequestsFailed, long firmwareRequestsFailed,
    long attemptsFailed, long attempts) implements Serializable {
}
