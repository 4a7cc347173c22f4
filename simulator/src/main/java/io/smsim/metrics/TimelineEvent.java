package io.smsim.metrics;

import java.io.Serializable;
import java.time.Instant;

/**
 * Something that happened to a region's servers, for reports and incident attribution:
 * {@code restart}, {@code back-up}, {@code failover}, {@code switchover-complete}, {@code reaper},
 * {@code alert}, {@code fault-start}, {@code fault-end}, {@code process-limit-reached}.
 *
 * @param server {@code primary}, {@code secondary} or empty for the region
 * @param value a count where the kind has one (children reaped, work lost), else 0
 */
public record TimelineEvent(Instant at, String kind, String server, long value, String detail) implements Serializable {
}
