package io.smsim.live;

import io.smsim.model.Fault;
import io.smsim.model.FaultSpec;
import io.smsim.model.OperationSpec;
import io.smsim.model.ServerFaults;
import io.smsim.model.ServerRole;
import io.smsim.model.ServerTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The faults in force on one region, from the scenario's timeline (played in real time, compressed
 * by the clock) or injected through the admin API, and the scenario's operator actions. Faults are
 * applied with the model's {@link ServerFaults}, exactly as the simulator applies them. Runs on the
 * region's event loop.
 */
final class ClusterFaults {

  private record Active(int id, Fault fault, int serverMask, String source, long sinceVirtualNanos) {
  }

  private final LiveCluster c;
  private final Map<Integer, Active> active = new LinkedHashMap<>();

  ClusterFaults(LiveCluster cluster) {
    this.c = cluster;
  }

  /** Schedules the scenario's faults and operations of this region. */
  void scheduleTimeline(List<FaultSpec> faults, List<OperationSpec> operations, IdSource ids) {
    for (FaultSpec f : faults) {
      if (f.region() != c.region) {
        continue;
      }
      int id = ids.next();
      at(f.atNanos(), () -> inject(id, f.fault(), f.target(), "scenario"));
      if (f.untilNanos() != Long.MAX_VALUE) {
        at(f.untilNanos(), () -> clear(id));
      }
    }
    for (OperationSpec op : operations) {
      if (op.region() == c.region) {
        at(op.atNanos(), () -> operation(op));
      }
    }
  }

  /** Hands out fault ids unique across regions. */
  interface IdSource {
    int next();
  }

  private void at(long virtualNanos, Runnable action) {
    c.loop.schedule(action, c.clock().realNanosUntil(virtualNanos), TimeUnit.NANOSECONDS);
  }

  /** Starts a fault on the target servers (or the region, for broker and WAN faults). */
  void inject(int id, Fault fault, ServerTarget target, String source) {
    int mask = 0;
    if (fault.serverFault()) {
      for (ServerRole role : roles(target)) {
        mask |= 1 << role.ordinal();
        serverFault(role, fault, true);
      }
    } else if (fault instanceof Fault.BrokerRtt rtt) {
      c.brokerAddNanos += rtt.addNanos();
    } else if (fault instanceof Fault.WanOutage) {
      c.wanOutages++;
    }
    active.put(id, new Active(id, fault, mask, source, c.clock().nowVirtualNanos()));
    c.event("fault-start", where(mask), fault.key() + " #" + id + " (" + source + ")");
  }

  /** Ends fault {@code id}; false when no such fault is in force. */
  boolean clear(int id) {
    Active a = active.remove(id);
    if (a == null) {
      return false;
    }
    Fault fault = a.fault();
    if (fault.serverFault()) {
      for (ServerRole role : ServerRole.values()) {
        if ((a.serverMask() & (1 << role.ordinal())) != 0) {
          serverFault(role, fault, false);
        }
      }
    } else if (fault instanceof Fault.BrokerRtt rtt) {
      c.brokerAddNanos -= rtt.addNanos();
    } else if (fault instanceof Fault.WanOutage) {
      c.wanOutages--;
    }
    c.event("fault-end", where(a.serverMask()), fault.key() + " #" + id);
    return true;
  }

  /** Ends every fault in force; returns how many. */
  int clearAll() {
    int n = 0;
    for (Integer id : new ArrayList<>(active.keySet())) {
      n += clear(id) ? 1 : 0;
    }
    return n;
  }

  boolean has(int id) {
    return active.containsKey(id);
  }

  private void serverFault(ServerRole role, Fault fault, boolean start) {
    switch (ServerFaults.apply(fault, start, c.server(role).model, c.hardwareFaults(), role.ordinal())) {
      case STOPPED -> c.hardwareStopped(role);
      case REPAIRED -> c.hardwareRepaired(role);
      case NONE -> {
      }
      default -> throw new IllegalStateException();
    }
  }

  ServerRole[] roles(ServerTarget target) {
    return switch (target) {
      case PRIMARY -> new ServerRole[] {ServerRole.PRIMARY};
      case SECONDARY -> new ServerRole[] {ServerRole.SECONDARY};
      case BOTH -> ServerRole.values();
      case ACTIVE -> new ServerRole[] {c.failover.active()};
    };
  }

  private void operation(OperationSpec op) {
    switch (op.action()) {
      case RESTART -> {
        for (ServerRole role : roles(op.target())) {
          c.restart(role, "operator action at a fixed time");
        }
      }
      case FAILOVER -> c.manualFailover();
      case SET_REAPER -> c.setReaper(op.reaper());
      default -> throw new IllegalStateException();
    }
  }

  private static String where(int mask) {
    return switch (mask) {
      case 1 -> "primary";
      case 2 -> "secondary";
      case 3 -> "both";
      default -> "";
    };
  }

  List<LiveStatus.ActiveFault> active() {
    List<LiveStatus.ActiveFault> list = new ArrayList<>();
    for (Active a : active.values()) {
      list.add(new LiveStatus.ActiveFault(a.id(), a.fault().key(), a.source(), where(a.serverMask()),
          c.clock().timebase().instantOf(a.sinceVirtualNanos()).toString(), params(a.fault())));
    }
    return list;
  }

  private static Map<String, Object> params(Fault f) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (f instanceof Fault.Leak leak) {
      m.put("probability", leak.probability());
    } else if (f instanceof Fault.GrayFailure g) {
      m.put("failureProbability", g.failureProbability());
      m.put("slowdown", g.slowdown());
    } else if (f instanceof Fault.BrokerRtt rtt) {
      m.put("addMs", rtt.addNanos() / 1e6);
    }
    return m;
  }
}
