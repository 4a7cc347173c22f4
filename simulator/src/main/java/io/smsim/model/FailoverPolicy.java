package io.smsim.model;

/**
 * When a regional cluster switches from its active server to the standby (ARCHITECTURE.md, "The model in brief").
 *
 * <p>{@link HardwareOnly} is the seed incident's defect: only a lost heartbeat (hardware failure)
 * triggers a failover, so an application that is up but cannot spawn processes keeps the traffic.
 * {@link HealthCheck} probes the application itself; with {@link ProbeKind#LIVENESS} it sees only
 * whether the server answers, which is the lesson of gray failure (Huang et al., "Gray Failure:
 * The Achilles' Heel of Cloud-Scale Systems", HotOS 2017).
 */
public sealed interface FailoverPolicy permits FailoverPolicy.HardwareOnly, FailoverPolicy.HealthCheck {

  /** Time between probes (heartbeats). */
  long intervalNanos();

  /** Consecutive failed probes that trigger a failover. */
  int failureThreshold();

  /** Time from the decision until the standby serves; requests in between are unavailable. */
  long switchoverNanos();

  /** What a probe exercises. */
  ProbeKind probe();

  /** Stable name used in scenarios and outputs. */
  String key();

  /** What a health probe exercises. */
  enum ProbeKind {
    /** The machine answers a heartbeat: fails only on hardware failure. */
    HEARTBEAT,
    /** The process answers: fails on hardware failure or while restarting. */
    LIVENESS,
    /** A synthetic request through the scheduler: also fails when no child can be spawned or on gray failure. */
    SYNTHETIC
  }

  /** Failover only when the heartbeat is lost. */
  record HardwareOnly(long intervalNanos, int failureThreshold, long switchoverNanos)
      implements FailoverPolicy {
    public HardwareOnly {
      check(intervalNanos, failureThreshold, switchoverNanos);
    }

    @Override
    public ProbeKind probe() {
      return ProbeKind.HEARTBEAT;
    }

    @Override
    public String key() {
      return "hardware-only";
    }
  }

  /** Failover when an application probe fails {@code failureThreshold} times in a row. */
  record HealthCheck(ProbeKind probe, long intervalNanos, int failureThreshold, long switchoverNanos)
      implements FailoverPolicy {
    public HealthCheck {
      java.util.Objects.requireNonNull(probe, "probe");
      check(intervalNanos, failureThreshold, switchoverNanos);
    }

    @Override
    public String key() {
      return "health-check";
    }
  }

  private static void check(long intervalNanos, int failureThreshold, long switchoverNanos) {
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("interval must be positive: " + intervalNanos);
    }
    if (failureThreshold <= 0) {
      throw new IllegalArgumentException("failureThreshold must be positive: " + failureThreshold);
    }
    if (switchoverNanos < 0) {
      throw new IllegalArgumentException("switchover must be >= 0: " + switchoverNanos);
    }
  }
}
