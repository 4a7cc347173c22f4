package io.smsim.model;

/**
 * A regional cluster's failover state machine: which server is active, probe bookkeeping, and
 * the switchover window (ARCHITECTURE.md, "The model in brief"). Clock-free: callers feed probe results and say when a
 * switchover completes.
 *
 * <p>A failover is decided after {@code failureThreshold} consecutive failed probes of the active
 * server, and only if the standby is up. During the switchover neither server serves.
 */
public final class FailoverController {

  private final FailoverPolicy policy;
  private ServerRole active = ServerRole.PRIMARY;
  private boolean switching;
  private int consecutiveFailures;

  public FailoverController(FailoverPolicy policy) {
    this.policy = policy;
  }

  public FailoverPolicy policy() {
    return policy;
  }

  public ServerRole active() {
    return active;
  }

  public ServerRole standby() {
    return active.other();
  }

  public boolean switching() {
    return switching;
  }

  /**
   * Records a probe of the active server. Returns true when a failover must start now.
   *
   * @param standbyUp whether the standby could take over
   */
  public boolean onProbe(boolean ok, boolean standbyUp) {
    if (switching) {
      return false;
    }
    if (ok) {
      consecutiveFailures = 0;
      return false;
    }
    consecutiveFailures++;
    if (consecutiveFailures >= policy.failureThreshold() && standbyUp) {
      consecutiveFailures = 0;
      switching = true;
      return true;
    }
    return false;
  }

  /** Starts a switchover decided elsewhere (an operator's manual failover); false if one is running. */
  public boolean beginManualSwitchover() {
    if (switching) {
      return false;
    }
    switching = true;
    consecutiveFailures = 0;
    return true;
  }

  /** The standby now serves. */
  public void completeSwitchover() {
    if (!switching) {
      throw new IllegalStateException("no switchover in progress");
    }
    active = active.other();
    switching = false;
  }

  public int consecutiveFailures() {
    return consecutiveFailures;
  }
}
