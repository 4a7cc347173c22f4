package io.smsim.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The faults in force on one region, whichever started them (the scenario's timeline or the live
 * admin API), and the one rule for overlapping faults of a kind, the same in both clocks:
 *
 * <ul>
 *   <li><b>The strongest in force wins, parameter by parameter</b>: a server leaks with the highest
 *       leak probability among the leak faults on it; a gray failure fails with the highest failure
 *       probability and slows by the highest slowdown among those on it; the broker adds the largest
 *       round trip among the broker faults in force. A weaker fault started later does not override
 *       a stronger one; when the strongest ends, the strongest of those still in force applies, and
 *       when the last ends the parameter is healthy again.</li>
 *   <li>Faults without parameters (hardware failure, WAN outage, reaper outage) hold while at least
 *       one of their kind is in force.</li>
 * </ul>
 *
 * <p>A fault that supplies no parameter now is listed as not {@link #inForce in force} (the live
 * status says so), so an override is never silent. Rare events only: faults are few, so lists are
 * scanned; the per-request readers ({@link #wanDown()}, {@link #brokerAddNanos()},
 * {@link #reaperDown()}) read cached fields.
 */
public final class FaultState {

  /**
   * A fault in force.
   *
   * @param serverMask bit {@code role.ordinal()} set for each server it applies to (0 for region faults)
   * @param source {@code scenario} or {@code admin}
   */
  public record Active(int id, Fault fault, int serverMask, String source, long sinceNanos) {
    boolean on(ServerRole role) {
      return (serverMask & (1 << role.ordinal())) != 0;
    }
  }

  private final List<Active> active = new ArrayList<>();
  private long brokerAddNanos;
  private boolean wanDown;
  private boolean reaperDown;

  /** Adds a fault in force. */
  public void add(Active a) {
    active.add(a);
    refresh();
  }

  /** Removes fault {@code id}; null when none is in force. */
  public Active remove(int id) {
    for (int i = 0; i < active.size(); i++) {
      if (active.get(i).id() == id) {
        Active a = active.remove(i);
        refresh();
        return a;
      }
    }
    return null;
  }

  /** The faults in force, oldest first. */
  public List<Active> active() {
    return List.copyOf(active);
  }

  public double leakProbability(ServerRole role) {
    double p = 0;
    for (Active a : active) {
      if (a.fault() instanceof Fault.Leak leak && a.on(role)) {
        p = Math.max(p, leak.probability());
      }
    }
    return p;
  }

  public double grayFailureProbability(ServerRole role) {
    double p = 0;
    for (Active a : active) {
      if (a.fault() instanceof Fault.GrayFailure g && a.on(role)) {
        p = Math.max(p, g.failureProbability());
      }
    }
    return p;
  }

  public double graySlowdown(ServerRole role) {
    double s = 1;
    for (Active a : active) {
      if (a.fault() instanceof Fault.GrayFailure g && a.on(role)) {
        s = Math.max(s, g.slowdown());
      }
    }
    return s;
  }

  public boolean hardwareFailed(ServerRole role) {
    for (Active a : active) {
      if (a.fault() instanceof Fault.HardwareFailure && a.on(role)) {
        return true;
      }
    }
    return false;
  }

  /** Round trip the broker adds now: the largest among broker faults in force. */
  public long brokerAddNanos() {
    return brokerAddNanos;
  }

  public boolean wanDown() {
    return wanDown;
  }

  /** Whether a reaper outage is in force: neither cron nor threshold reaps. */
  public boolean reaperDown() {
    return reaperDown;
  }

  /**
   * Whether {@code a} governs now: it supplies at least one parameter on one of its servers (ties go
   * to the earliest started), or it is a fault without parameters.
   */
  public boolean inForce(Active a) {
    Fault f = a.fault();
    if (f instanceof Fault.Leak) {
      return supplies(a, this::leakProbability, x -> x instanceof Fault.Leak l ? l.probability() : Double.NaN);
    }
    if (f instanceof Fault.GrayFailure) {
      return supplies(a, this::grayFailureProbability,
          x -> x instanceof Fault.GrayFailure g ? g.failureProbability() : Double.NaN)
          || supplies(a, this::graySlowdown, x -> x instanceof Fault.GrayFailure g ? g.slowdown() : Double.NaN);
    }
    if (f instanceof Fault.BrokerRtt) {
      for (Active x : active) {
        if (x.fault() instanceof Fault.BrokerRtt rtt && rtt.addNanos() == brokerAddNanos) {
          return x == a;
        }
      }
      return false;
    }
    return true;
  }

  /**
   * Whether {@code a} is, on one of its servers, the earliest fault whose parameter equals the
   * effective value ({@code parameter} is NaN for faults of another kind).
   */
  private boolean supplies(Active a, ToDoubleFunction<ServerRole> effective, ToDoubleFunction<Fault> parameter) {
    for (ServerRole role : ServerRole.values()) {
      if (!a.on(role)) {
        continue;
      }
      double value = effective.applyAsDouble(role);
      for (Active x : active) {
        if (x.on(role) && parameter.applyAsDouble(x.fault()) == value) {
          if (x == a) {
            return true;
          }
          break;
        }
      }
    }
    return false;
  }

  private void refresh() {
    long add = 0;
    boolean wan = false;
    boolean reaper = false;
    for (Active a : active) {
      if (a.fault() instanceof Fault.BrokerRtt rtt) {
        add = Math.max(add, rtt.addNanos());
      } else if (a.fault() instanceof Fault.WanOutage) {
        wan = true;
      } else if (a.fault() instanceof Fault.ReaperOutage) {
        reaper = true;
      }
    }
    brokerAddNanos = add;
    wanDown = wan;
    reaperDown = reaper;
  }
}
