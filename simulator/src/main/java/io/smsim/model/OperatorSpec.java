package io.smsim.model;

/**
 * What the operations team does by policy: restart the region's active server a while after the
 * incident is detected (the seed: ticket at 10:40, restart at 10:48), and how long a restart keeps
 * the server down.
 *
 * @param restartAfterDetectionNanos -1 for never
 * @param restartDowntimeNanos time a restarted server is down before serving again
 * @param repairNanos time to repair a server whose hardware failed or that lost a failover, before it is a clean standby again
 */
public record OperatorSpec(long restartAfterDetectionNanos, long restartDowntimeNanos, long repairNanos) {

  public OperatorSpec {
    if (restartAfterDetectionNanos < -1) {
      throw new IllegalArgumentException("restartAfterDetection must be >= 0: " + restartAfterDetectionNanos);
    }
    if (restartDowntimeNanos < 0 || repairNanos < 0) {
      throw new IllegalArgumentException("restartDowntime and repair must be >= 0");
    }
  }

  public boolean restartsAfterDetection() {
    return restartAfterDetectionNanos >= 0;
  }
}
