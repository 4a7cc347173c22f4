package io.smsim.live;

import io.netty.channel.EventLoop;
import io.smsim.engine.RandomStreams;
import io.smsim.metrics.ReportingSpec;
import io.smsim.model.Category;
import io.smsim.model.EventKind;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.FaultState;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.Outcome;
import io.smsim.model.Region;
import io.smsim.model.RegionDriver;
import io.smsim.model.RegionEvent;
import io.smsim.model.RegionOperations;
import io.smsim.model.ServerRole;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntSupplier;

/**
 * One region's CSP live: a primary and a secondary {@link GatewayServer} on ports of their own,
 * run by the same region model as the replay ({@link RegionOperations}: faults and the overlap rule,
 * failover, restarts, reaper, alert rule, operator actions), driven in real time on the region's
 * event loop through {@link LiveTimers} and the {@link VirtualClock}. Probes are real HTTP requests
 * to the active server's port; a hardware failure closes that port. Every method runs on the loop;
 * other threads call only {@link #routedPort()} and {@link #attemptEnded}.
 */
final class LiveCluster {

  private static final long MINUTE = ReportingSpec.MINUTE_NANOS;
  private static final java.time.format.DateTimeFormatter LOCAL =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  final Region region;
  final RegionSpec spec;
  final EventLoop loop;
  final GatewayServer[] servers = new GatewayServer[2];
  final RegionOperations ops;
  private final VirtualClock clock;
  private final LiveTimers timers;
  private final LoopbackHttpClient probes;
  private final LiveEvents events;
  private final LiveMetrics metrics;
  private final LongAdder attempts = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder failedInstalls = new LongAdder();
  private final long[] minuteStart = new long[3];
  private volatile int routedPort;

  LiveCluster(RegionSpec spec, RandomStreams streams, EventLoop loop, String host, VirtualClock clock,
      LoopbackHttpClient probes, LiveEvents events, LiveMetrics metrics) {
    this.region = spec.region();
    this.spec = spec;
    this.loop = loop;
    this.clock = clock;
    this.probes = probes;
    this.events = events;
    this.metrics = metrics;
    this.timers = new LiveTimers(loop, clock);
    this.ops = new RegionOperations(spec, streams, clock.timebase(), Long.MAX_VALUE, new Driver());
    for (ServerRole role : ServerRole.values()) {
      servers[role.ordinal()] = new GatewayServer(this, role, ops.server(role), loop, host);
    }
  }

  /**
   * Binds both servers' ports (blocking, at startup), then on the loop schedules the scenario's
   * timeline of this region, the probes, the reaper and the minute ticks of the alert rule.
   */
  void start(Scenario scenario, IntSupplier faultIds) throws InterruptedException {
    for (GatewayServer s : servers) {
      s.bind();
    }
    publishRoute();
    loop.execute(() -> {
      ops.scheduleTimeline(scenario.faults(), scenario.operations(), faultIds);
      ops.start();
      timers.schedule(MINUTE, true, this::minute);
    });
  }

  VirtualClock clock() {
    return clock;
  }

  GatewayServer server(ServerRole role) {
    return servers[role.ordinal()];
  }

  /** The port the DSP sends this region's requests to: the active server, or the one taking over. Any thread. */
  int routedPort() {
    return routedPort;
  }

  private void publishRoute() {
    routedPort = server(ops.routedRole()).port();
  }

  /** An attempt routed to this region ended (any thread): counted for the alert rule's minute buckets. */
  void attemptEnded(Category category, Outcome outcome) {
    attempts.increment();
    if (outcome != Outcome.SUCCESS) {
      failed.increment();
      if (category == Category.INSTALL) {
        failedInstalls.increment(); // live has no journeys: a failed install step is a failed birthing event
      }
    }
  }

  /** A minute boundary: the minute's attempts feed the region model's alert rule. */
  private void minute() {
    long now = timers.nowNanos();
    long a = attempts.sum();
    long f = failed.sum();
    long j = failedInstalls.sum();
    ops.onMinute(now, a - minuteStart[0], f - minuteStart[1], j - minuteStart[2]);
    minuteStart[0] = a;
    minuteStart[1] = f;
    minuteStart[2] = j;
    timers.schedule(now + MINUTE, true, this::minute);
  }

  void event(EventKind kind, String server, String detail) {
    record(new RegionEvent(kind, timers.nowNanos(), server, 0, detail, ""));
  }

  private void record(RegionEvent e) {
    events.add(new LiveEvents.Event(clock.timebase().instantOf(e.atNanos()).toString(),
        LOCAL.format(clock.timebase().localOf(e.atNanos())), region.key(), e.kind().key(), e.server(), e.value(),
        e.detail(), e.note()));
  }

  /** {@link RegionDriver} on the region's event loop. */
  private final class Driver implements RegionDriver {

    @Override
    public long nowNanos() {
      return timers.nowNanos();
    }

    @Override
    public void schedule(long atNanos, long timer) {
      timers.schedule(atNanos, false, () -> ops.onTimer(timer));
    }

    /** A real HTTP probe of the server; the region's timers wait for its answer. */
    @Override
    public void probe(ServerRole role, FailoverPolicy.ProbeKind kind) {
      long at = timers.nowNanos();
      InetSocketAddress to = new InetSocketAddress(LiveEmulator.LOOPBACK, server(role).port());
      // A refused connection (hardware failure) fails at once; only a slow answer waits this long, and an
      // emulator busy under load must not read as a lost heartbeat: at least 2 s real.
      long timeout = Math.max(clock.realNanos(spec.failover().intervalNanos()), TimeUnit.SECONDS.toNanos(2));
      timers.pause();
      probes.send(to, LoopbackHttpClient.get(to, "/probe/" + kind.name().toLowerCase(java.util.Locale.ROOT)), timeout)
          .thenAccept(r -> loop.execute(() -> {
            timers.runAt(at, () -> ops.probed(role, r.ok()));
            timers.resume();
          }));
    }

    @Override
    public int processesDied(ServerRole role) {
      return server(role).loseInFlight();
    }

    @Override
    public int hardwareFailed(ServerRole role) {
      return server(role).goDark();
    }

    @Override
    public void hardwareRepaired(ServerRole role) {
      server(role).comeBack();
    }

    @Override
    public void routeChanged() {
      publishRoute();
    }

    @Override
    public void event(RegionEvent e) {
      record(e);
    }

    @Override
    public void failoverStarted(ServerRole from, String reason, int lost) {
      metrics.failover(region);
    }

    @Override
    public void switchoverCompleted() {
      // the route was published by routeChanged
    }

    @Override
    public void reaped(ServerRole role, int n) {
      metrics.reaped(region, role, n);
    }
  }

  // ---- status ---------------------------------------------------------------------------------

  LiveStatus.Region status() {
    List<LiveStatus.Server> list = new ArrayList<>();
    for (GatewayServer s : servers) {
      GatewayScheduler g = s.model;
      Map<String, Long> outcomes = new LinkedHashMap<>();
      for (Outcome o : Outcome.values()) {
        outcomes.put(o.label(), s.outcomes(o));
      }
      list.add(new LiveStatus.Server(s.role.key(), g.state().label(), ops.failover().active() == s.role, s.port(),
          g.spec().processLimit(), g.liveProcesses(), g.working(), g.queued(), g.leaked(), g.peakProcesses(),
          g.leakProbability(), g.grayFailing(), g.leakedTotal(), g.reapedTotal(), s.admitted(), s.inFlight(),
          outcomes));
    }
    FailoverPolicy p = spec.failover();
    return new LiveStatus.Region(region.key(), p.key(), p.probe().name().toLowerCase(java.util.Locale.ROOT),
        ops.failover().active().key(), ops.failover().standby().key(), ops.failover().switching(), ops.failovers(),
        ops.faults().brokerAddNanos() / 1_000_000, ops.wanDown(), ops.faults().reaperDown(), list, activeFaults());
  }

  private List<LiveStatus.ActiveFault> activeFaults() {
    List<LiveStatus.ActiveFault> list = new ArrayList<>();
    FaultState state = ops.faults();
    for (FaultState.Active a : state.active()) {
      list.add(new LiveStatus.ActiveFault(a.id(), a.fault().key(), a.source(), RegionEvent.where(a.serverMask()),
          clock.timebase().instantOf(a.sinceNanos()).toString(), params(a.fault()), state.inForce(a)));
    }
    return list;
  }

  private static Map<String, Object> params(io.smsim.model.Fault f) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (f instanceof io.smsim.model.Fault.Leak leak) {
      m.put("probability", leak.probability());
    } else if (f instanceof io.smsim.model.Fault.GrayFailure g) {
      m.put("failureProbability", g.failureProbability());
      m.put("slowdown", g.slowdown());
    } else if (f instanceof io.smsim.model.Fault.BrokerRtt rtt) {
      m.put("addMs", rtt.addNanos() / 1e6);
    }
    return m;
  }
}
