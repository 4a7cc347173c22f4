package io.smsim.sim;

import io.smsim.engine.RandomStreams;
import io.smsim.metrics.Failover;
import io.smsim.metrics.Recorder;
import io.smsim.metrics.ReportingSpec;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.RegionDriver;
import io.smsim.model.RegionEvent;
import io.smsim.model.RegionOperations;
import io.smsim.model.ServerRole;
import io.smsim.scenario.RegionSpec;

/**
 * The virtual-time driver of the region model ({@link RegionOperations}: faults, failover,
 * restarts, reaper, alerts, operator actions), plus the minute and interval ticks that close
 * metrics buckets. Region timers are engine events of type {@link EventType#REGION}.
 */
final class Operations {

  private static final long MINUTE = ReportingSpec.MINUTE_NANOS;

  private final ReplayModel m;
  private final Recorder rec;
  private final long endNanos;
  final RegionOperations[] regions = new RegionOperations[Recorder.REGIONS];
  private long lastMinuteNanos;
  private long lastIntervalNanos;
  private long ticks;

  Operations(ReplayModel model) {
    this.m = model;
    this.rec = model.recorder;
    this.endNanos = model.endNanos;
  }

  RegionOperations add(RegionSpec spec, RandomStreams streams) {
    int index = spec.region().ordinal();
    Driver d = new Driver(index);
    d.ops = new RegionOperations(spec, streams, m.scenario.timebase(), endNanos, d);
    regions[index] = d.ops;
    return d.ops;
  }

  void scheduleTimeline() {
    int[] ids = {0};
    for (RegionOperations r : regions) {
      if (r != null) {
        r.scheduleTimeline(m.scenario.faults(), m.scenario.operations(), () -> ++ids[0]);
        r.start();
      }
    }
    m.sim.scheduleBoundaryAt(Math.min(endNanos, MINUTE), EventType.MINUTE, 0, 0);
    m.sim.scheduleBoundaryAt(Math.min(endNanos, m.scenario.reporting().intervalNanos()), EventType.INTERVAL, 0, 0);
  }

  void onEvent(int type, int entity, long arg) {
    switch (type) {
      case EventType.REGION -> regions[entity].onTimer(arg);
      case EventType.MINUTE -> minute();
      case EventType.INTERVAL -> interval();
      default -> throw new IllegalStateException("unknown event type " + type);
    }
  }

  /** Minute and interval ticks processed (each closes every region's bucket at once). */
  long ticks() {
    return ticks;
  }

  /** {@link RegionDriver} on the simulator's event queue and recorder. */
  private final class Driver implements RegionDriver {
    private final int index;
    private RegionOperations ops;

    Driver(int index) {
      this.index = index;
    }

    @Override
    public long nowNanos() {
      return m.sim.nowNanos();
    }

    @Override
    public void schedule(long atNanos, long timer) {
      m.sim.scheduleAt(atNanos, EventType.REGION, index, timer);
    }

    @Override
    public void probe(ServerRole role, FailoverPolicy.ProbeKind kind) {
      ops.probed(role, ops.server(role).probe(kind));
    }

    @Override
    public int processesDied(ServerRole role) {
      return m.loseInFlight(index * 2 + role.ordinal());
    }

    @Override
    public int hardwareFailed(ServerRole role) {
      return m.loseInFlight(index * 2 + role.ordinal());
    }

    @Override
    public void hardwareRepaired(ServerRole role) {
      // nothing to reopen in virtual time
    }

    @Override
    public void routeChanged() {
      // requests read the route from the model
    }

    @Override
    public void event(RegionEvent e) {
      rec.event(index, e.atNanos(), e.kind(), e.server(), e.value(), e.detail());
    }

    @Override
    public void failoverStarted(ServerRole from, String reason, int lost) {
      rec.failover(index, new Failover(rec.instantOf(m.sim.nowNanos()), from.key(), from.other().key(), reason,
          null, lost));
    }

    @Override
    public void switchoverCompleted() {
      rec.failoverServing(index, m.sim.nowNanos());
    }

    @Override
    public void reaped(ServerRole role, int n) {
      rec.reaped(index * 2 + role.ordinal(), n);
    }
  }

  // ---- ticks ----------------------------------------------------------------------------------

  private void minute() {
    ticks++;
    long now = m.sim.nowNanos();
    for (RegionOperations r : regions) {
      if (r == null) {
        continue;
      }
      int index = r.region().ordinal();
      long[] bucket = rec.closeMinute(index, lastMinuteNanos, now, r.server(0).liveProcesses(),
          r.server(1).liveProcesses());
      r.onMinute(now, bucket[0], bucket[1], bucket[2]);
      rec.resetMinute(index);
    }
    lastMinuteNanos = now;
    if (now < endNanos) {
      m.sim.scheduleBoundaryAt(Math.min(endNanos, now + MINUTE), EventType.MINUTE, 0, 0);
    }
  }

  private void interval() {
    ticks++;
    long now = m.sim.nowNanos();
    for (RegionOperations r : regions) {
      if (r == null) {
        continue;
      }
      for (ServerRole role : ServerRole.values()) {
        GatewayScheduler g = r.server(role);
        String state = r.failover().active() == role ? "active" : "standby";
        rec.closeInterval(r.region().ordinal() * 2 + role.ordinal(), lastIntervalNanos, now, state,
            g.state().label(), g.takeIntervalPeak(), g.liveProcesses(), g.leaked());
      }
    }
    lastIntervalNanos = now;
    if (now < endNanos) {
      m.sim.scheduleBoundaryAt(Math.min(endNanos, now + m.scenario.reporting().intervalNanos()), EventType.INTERVAL, 0, 0);
    }
  }
}
