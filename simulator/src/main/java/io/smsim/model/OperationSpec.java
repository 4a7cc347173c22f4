package io.smsim.model;

import java.util.Locale;
import java.util.Objects;

/**
 * An operator action at a fixed time (e.g. "CSP North restarted the server at 10:48").
 *
 * @param reaper the new reaper configuration for {@link Action#SET_REAPER}, else {@code null}
 */
public record OperationSpec(long atNanos, Region region, ServerTarget target, Action action, ReaperSpec reaper) {

  /** What the operator does. */
  public enum Action {
    /** All processes die; the server is down for the restart downtime, then clean. */
    RESTART,
    /** Manual switch of the active role to the standby. */
    FAILOVER,
    /** Install (or change) the region's reaper cron job from now on. */
    SET_REAPER;

    public String key() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public OperationSpec {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(action, "action");
    if (atNanos < 0) {
      throw new IllegalArgumentException("operation before the scenario start: " + atNanos);
    }
    if ((action == Action.SET_REAPER) != (reaper != null)) {
      throw new IllegalArgumentException("set-reaper needs a reaper configuration, other actions none");
    }
  }
}
