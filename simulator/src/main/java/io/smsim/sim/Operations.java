package io.smsim.sim;

import io.smsim.metrics.Failover;
import io.smsim.metrics.Recorder;
import io.smsim.model.Fault;
import io.smsim.model.FaultSpec;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.OperationSpec;
import io.smsim.model.ReaperSpec;
import io.smsim.model.ServerFaults;
import io.smsim.model.ServerRole;
import io.smsim.model.ServerTarget;
import io.smsim.scenario.ReportingSpec;
import java.util.List;

/**
 * Everything that happens to the servers rather than to requests: the fault timeline, operator
 * actions, failover probes and switchovers, the reaper, and the minute and interval ticks that
 * close metrics buckets and evaluate alert rules.
 */
final class Operations {

  private static final long MINUTE = ReportingSpec.MINUTE_NANOS;

  private final ReplayModel m;
  private final Recorder rec;
  private final List<FaultSpec> faults;
  private final List<OperationSpec> operations;
  private final int[] faultServers;
  private final long endNanos;
  private long lastMinuteNanos;
  private long lastIntervalNanos;

  Operations(ReplayModel model) {
    this.m = model;
    this.rec = model.recorder;
    this.faults = model.scenario.faults();
    this.operations = model.scenario.operations();
    this.faultServers = new int[faults.size()];
    this.endNanos = model.endNanos;
  }

  void scheduleTimeline() {
    for (int i = 0; i < faults.size(); i++) {
      FaultSpec f = faults.get(i);
      m.sim.scheduleAt(f.atNanos(), EventType.FAULT, i, 1);
      if (f.untilNanos() <= endNanos) {
        m.sim.scheduleAt(f.untilNanos(), EventType.FAULT, i, 0);
      }
    }
    for (int i = 0; i < operations.size(); i++) {
      m.sim.scheduleAt(operations.get(i).atNanos(), EventType.OPERATION, i, 0);
    }
    for (Cluster c : m.clusters) {
      if (c == null) {
        continue;
      }
      m.sim.scheduleAt(Math.min(endNanos, c.spec.failover().intervalNanos()), EventType.PROBE, c.index, 0);
      scheduleReapers(c, -1);
    }
    m.sim.scheduleBoundaryAt(Math.min(endNanos, MINUTE), EventType.MINUTE, 0, 0);
    m.sim.scheduleBoundaryAt(Math.min(endNanos, m.scenario.reporting().intervalNanos()), EventType.INTERVAL, 0, 0);
  }

  void onEvent(int type, int entity, long arg) {
    switch (type) {
      case EventType.PROBE -> probe(m.clusters[entity]);
      case EventType.SWITCHOVER_DONE -> switchoverDone(m.clusters[entity]);
      case EventType.REAPER -> periodicReap(entity, (int) arg);
      case EventType.FAULT -> fault(entity, arg == 1);
      case EventType.OPERATION -> operation(operations.get(entity));
      case EventType.SERVER_UP -> serverUp(entity);
      case EventType.MINUTE -> minute();
      case EventType.INTERVAL -> interval();
      case EventType.POLICY_RESTART -> {
        Cluster c = m.clusters[entity];
        restart(c, c.serverIndex(c.failover.active()), "operator policy: restart after detection");
      }
      default -> throw new IllegalStateException("unknown event type " + type);
    }
  }

  // ---- failover -------------------------------------------------------------------------------

  private void probe(Cluster c) {
    GatewayScheduler active = c.servers[c.failover.active().ordinal()];
    GatewayScheduler standby = c.servers[c.failover.standby().ordinal()];
    boolean ok = active.probe(c.spec.failover().probe());
    if (c.failover.onProbe(ok, standby.state() == GatewayScheduler.State.UP)) {
      beginFailover(c, c.spec.failover().probe() == io.smsim.model.FailoverPolicy.ProbeKind.HEARTBEAT
          ? "heartbeat-lost" : "health-check-failed");
    }
    long next = m.sim.nowNanos() + c.spec.failover().intervalNanos();
    if (next <= endNanos) {
      m.sim.scheduleAt(next, EventType.PROBE, c.index, 0);
    }
  }

  /** The controller decided (or an operator asked) to switch: take the old server out, start the switchover. */
  private void beginFailover(Cluster c, String reason) {
    ServerRole from = c.failover.active();
    int old = c.serverIndex(from);
    GatewayScheduler g = c.server(old);
    int lost = 0;
    if (g.state() == GatewayScheduler.State.UP) {
      g.stop(GatewayScheduler.State.RESTARTING);
      lost = m.loseInFlight(old);
      c.atLimit[from.ordinal()] = false;
      scheduleServerUp(old, c.spec.operator().repairNanos());
    }
    long now = m.sim.nowNanos();
    rec.event(c.index, now, "failover", from.key(), lost, reason + " -> " + from.other().key());
    rec.failover(c.index, new Failover(rec.instantOf(now), from.key(), from.other().key(), reason, null, lost));
    m.sim.scheduleIn(c.spec.failover().switchoverNanos(), EventType.SWITCHOVER_DONE, c.index, 0);
  }

  private void switchoverDone(Cluster c) {
    c.failover.completeSwitchover();
    rec.failoverServing(c.index, m.sim.nowNanos());
    rec.event(c.index, m.sim.nowNanos(), "switchover-complete", c.failover.active().key(), 0, "");
  }

  // ---- restarts and repairs -------------------------------------------------------------------

  private void restart(Cluster c, int s, String why) {
    GatewayScheduler g = c.server(s);
    if (g.state() == GatewayScheduler.State.FAILED) {
      rec.event(c.index, m.sim.nowNanos(), "restart-skipped", ServerRole.values()[s & 1].key(), 0,
          why + " (hardware failed)");
      return;
    }
    g.stop(GatewayScheduler.State.RESTARTING);
    int lost = m.loseInFlight(s);
    c.atLimit[s & 1] = false;
    rec.event(c.index, m.sim.nowNanos(), "restart", ServerRole.values()[s & 1].key(), lost, why);
    scheduleServerUp(s, c.spec.operator().restartDowntimeNanos());
  }

  private void scheduleServerUp(int s, long delayNanos) {
    long at = m.sim.nowNanos() + delayNanos;
    if (at <= endNanos) {
      m.sim.scheduleAt(at, EventType.SERVER_UP, s, 0);
    }
  }

  private void serverUp(int s) {
    Cluster c = m.clusters[s >> 1];
    GatewayScheduler g = c.server(s);
    if (c.hardwareFaults[s & 1] > 0 || g.state() == GatewayScheduler.State.UP) {
      return;
    }
    g.start();
    rec.event(c.index, m.sim.nowNanos(), "back-up", ServerRole.values()[s & 1].key(), 0, "");
  }

  private void operation(OperationSpec op) {
    Cluster c = m.clusters[op.region().ordinal()];
    switch (op.action()) {
      case RESTART -> {
        for (int s : targets(c, op.target())) {
          restart(c, s, "operator action at a fixed time");
        }
      }
      case FAILOVER -> {
        if (c.failover.beginManualSwitchover()) {
          beginFailover(c, "operator");
        }
      }
      case SET_REAPER -> {
        c.reaper = op.reaper();
        c.reaperGeneration++;
        rec.event(c.index, m.sim.nowNanos(), "reaper-set", "", op.reaper().threshold(),
            "period " + op.reaper().periodNanos() / 60_000_000_000L + "m");
        scheduleReapers(c, m.sim.nowNanos());
      }
      default -> throw new IllegalStateException();
    }
  }

  // ---- faults ---------------------------------------------------------------------------------

  private void fault(int i, boolean start) {
    FaultSpec f = faults.get(i);
    Cluster c = m.clusters[f.region().ordinal()];
    long now = m.sim.nowNanos();
    int[] servers;
    if (start) {
      servers = f.fault().serverFault() ? targets(c, f.target()) : new int[0];
      int mask = 0;
      for (int s : servers) {
        mask |= 1 << (s & 1);
      }
      faultServers[i] = mask;
    } else {
      servers = fromMask(c, faultServers[i]);
    }
    String where = servers.length == 1 ? ServerRole.values()[servers[0] & 1].key() : servers.length == 2 ? "both" : "";
    rec.event(c.index, now, start ? "fault-start" : "fault-end", where, 0, f.fault().key());
    Fault fault = f.fault();
    if (fault.serverFault()) {
      for (int s : servers) {
        serverFault(c, s, fault, start);
      }
    } else if (fault instanceof Fault.BrokerRtt rtt) {
      c.brokerAddNanos += start ? rtt.addNanos() : -rtt.addNanos();
    } else if (fault instanceof Fault.WanOutage) {
      c.wanOutages += start ? 1 : -1;
    } else if (fault instanceof Fault.ReaperOutage) {
      c.reaperOutages += start ? 1 : -1;
    }
  }

  private void serverFault(Cluster c, int s, Fault fault, boolean start) {
    switch (ServerFaults.apply(fault, start, c.server(s), c.hardwareFaults, s & 1)) {
      case STOPPED -> {
        m.loseInFlight(s);
        c.atLimit[s & 1] = false;
      }
      case REPAIRED -> rec.event(c.index, m.sim.nowNanos(), "back-up", ServerRole.values()[s & 1].key(), 0,
          "hardware repaired");
      case NONE -> {
      }
      default -> throw new IllegalStateException();
    }
  }

  private static int[] targets(Cluster c, ServerTarget target) {
    return switch (target) {
      case PRIMARY -> new int[] {c.serverIndex(ServerRole.PRIMARY)};
      case SECONDARY -> new int[] {c.serverIndex(ServerRole.SECONDARY)};
      case BOTH -> new int[] {c.serverIndex(ServerRole.PRIMARY), c.serverIndex(ServerRole.SECONDARY)};
      case ACTIVE -> new int[] {c.serverIndex(c.failover.active())};
    };
  }

  private static int[] fromMask(Cluster c, int mask) {
    int n = Integer.bitCount(mask);
    int[] out = new int[n];
    int k = 0;
    for (ServerRole role : ServerRole.values()) {
      if ((mask & (1 << role.ordinal())) != 0) {
        out[k++] = c.serverIndex(role);
      }
    }
    return out;
  }

  // ---- reaper ---------------------------------------------------------------------------------

  private void scheduleReapers(Cluster c, long afterNanos) {
    if (c.reaper.periodic()) {
      for (ServerRole role : ServerRole.values()) {
        scheduleReaper(c, c.serverIndex(role), afterNanos);
      }
    }
  }

  private void scheduleReaper(Cluster c, int s, long afterNanos) {
    ReaperSpec reaper = c.reaper;
    long next = m.scenario.timebase().nextAligned(afterNanos, reaper.periodNanos(), reaper.offsetNanos());
    if (next <= endNanos) {
      m.sim.scheduleAt(next, EventType.REAPER, s, c.reaperGeneration);
    }
  }

  private void periodicReap(int s, int generation) {
    Cluster c = m.clusters[s >> 1];
    if (generation != c.reaperGeneration) {
      return; // a schedule replaced by set-reaper
    }
    if (c.reaperOutages == 0) {
      reap(c, s, "cron");
    }
    scheduleReaper(c, s, m.sim.nowNanos());
  }

  void checkReaperThreshold(Cluster c, int s) {
    int threshold = c.reaper.threshold();
    if (threshold > 0 && c.reaperOutages == 0 && c.server(s).liveProcesses() >= threshold && c.server(s).leaked() > 0) {
      reap(c, s, "threshold");
    }
  }

  private void reap(Cluster c, int s, String why) {
    int n = c.server(s).reap();
    if (n > 0) {
      c.atLimit[s & 1] = false;
      rec.reaped(s, n, m.sim.nowNanos());
    }
  }

  void limitReached(Cluster c, int s) {
    if (!c.atLimit[s & 1]) {
      c.atLimit[s & 1] = true;
      rec.event(c.index, m.sim.nowNanos(), "process-limit-reached", ServerRole.values()[s & 1].key(),
          c.server(s).liveProcesses(), "leaked " + c.server(s).leaked());
    }
  }

  // ---- ticks ----------------------------------------------------------------------------------

  private void minute() {
    long now = m.sim.nowNanos();
    for (Cluster c : m.clusters) {
      if (c == null) {
        continue;
      }
      long[] bucket = rec.closeMinute(c.index, lastMinuteNanos, now, c.servers[0].liveProcesses(),
          c.servers[1].liveProcesses());
      long detected = c.alert.onMinute(now, bucket[0], bucket[1], bucket[2]);
      rec.resetMinute(c.index);
      if (detected >= 0) {
        rec.event(c.index, detected, "alert", "", 0, c.spec.monitoring().kind().name().toLowerCase(java.util.Locale.ROOT));
        long after = c.spec.operator().restartAfterDetectionNanos();
        if (after >= 0 && detected + after <= endNanos) {
          m.sim.scheduleAt(detected + after, EventType.POLICY_RESTART, c.index, 0);
        }
      }
    }
    lastMinuteNanos = now;
    if (now < endNanos) {
      m.sim.scheduleBoundaryAt(Math.min(endNanos, now + MINUTE), EventType.MINUTE, 0, 0);
    }
  }

  private void interval() {
    long now = m.sim.nowNanos();
    for (Cluster c : m.clusters) {
      if (c == null) {
        continue;
      }
      for (ServerRole role : ServerRole.values()) {
        GatewayScheduler g = c.servers[role.ordinal()];
        String r = c.failover.active() == role ? "active" : "standby";
        rec.closeInterval(c.serverIndex(role), lastIntervalNanos, now, r, g.state().label(), g.takeIntervalPeak(),
            g.liveProcesses(), g.leaked());
      }
    }
    lastIntervalNanos = now;
    if (now < endNanos) {
      m.sim.scheduleBoundaryAt(Math.min(endNanos, now + m.scenario.reporting().intervalNanos()), EventType.INTERVAL, 0, 0);
    }
  }
}
