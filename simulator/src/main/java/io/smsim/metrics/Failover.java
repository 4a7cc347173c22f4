package io.smsim.metrics;

import java.io.Serializable;
import java.time.Instant;

/**
 * One switch of a region's active server.
 *
 * @param reason why: {@code heartbeat-lost}, {@code health-check-failed}, {@code operator}
 * @param servingAt when the new server took traffic (switchover complete), {@code null} if the run ended first
 * @param lostInFlight requests in flight on the old server, lost
 */
public record Failover(Instant at, String from, String to, String reason, Instant servingAt, long lostInFlight)
    implements Serializable {
}
