package io.smsim.metrics;

import java.io.Serializable;
import java.time.Instant;

/**
 * One reporting interval of one server: the row of {@code timeline.csv}. Attempts are counted at
 * the server the region routed them to (during a switchover, the server taking over).
 *
 * @param role {@code active} or {@code standby} at the interval's end
 * @param state {@code up}, {@code restarting} or {@code failed} at the interval's end
 * @param requestsFailed service requests whose last attempt failed here
 * @param birthsFailed journeys that failed on a step whose last attempt was here
 */
public record IntervalRow(Instant start, Instant end, String region, String server, String role, String state,
    long attempts, long succeeded, long failed, long spawnFailed, long requestsFailed, long birthsFailed,
    int processesPeak, int processesEnd, int leakedEnd, long reaped, double latencyP50Ms, double latencyP99Ms)
    implements Serializable {

  public double successRatio() {
    return attempts == 0 ? 1.0 : (double) succeeded / attempts;
  }
}
