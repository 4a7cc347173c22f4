package io.smsim.metrics;

import io.smsim.model.EventKind;
import java.io.Serializable;
import java.time.Instant;

/**
 * Something that happened to a region's servers, for reports and incident attribution; the kinds
 * are {@link EventKind}.
 *
 * @param server {@code primary}, {@code secondary} or empty for the region
 * @param value a count where the kind has one (children reaped, work lost), else 0
 */
public record TimelineEvent(Instant at, EventKind kind, String server, long value, String detail)
    implements Serializable {
}
