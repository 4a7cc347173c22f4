package io.smsim.live;

import io.netty.channel.EventLoop;
import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;
import io.smsim.model.FailoverController;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.Outcome;
import io.smsim.model.ReaperSpec;
import io.smsim.model.Region;
import io.smsim.model.ServerRole;
import io.smsim.scenario.RegionSpec;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One region's CSP live: a primary and a secondary {@link GatewayServer}, the region's
 * {@link FailoverController} fed by real HTTP health probes, the reaper, the broker and the WAN.
 * The semantics mirror the simulator's {@code sim.Operations} event for event (failover decision
 * and switchover, restarts and repairs, cron and threshold reaping), with durations waited out on
 * the region's event loop through the {@link VirtualClock}. Every method runs on that loop; other
 * threads read only {@link #routedPort()}.
 */
final class LiveCluster {

  private static final java.time.format.DateTimeFormatter LOCAL =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

  final Region region;
  final RegionSpec spec;
  final EventLoop loop;
  final GatewayServer[] servers = new GatewayServer[2];
  final FailoverController failover;
  private final VirtualClock clock;
  private final LoopbackHttpClient probes;
  private final LiveEvents events;
  private final LiveMetrics metrics;
  private final RandomStream brokerRandom;
  private final int[] hardwareFaults = new int[2];
  private final boolean[] atLimit = new boolean[2];
  final ClusterFaults faults;
  long brokerAddNanos;
  int wanOutages;
  private ReaperSpec reaper;
  private int reaperGeneration;
  private int failovers;
  private boolean probeInFlight;
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
    for (ServerRole role : ServerRole.values()) {
      GatewayScheduler model = new GatewayScheduler(region.key() + "." + role.key(), spec.gateway(), streams);
      servers[role.ordinal()] = new GatewayServer(this, role, model, loop, host);
    }
    this.failover = new FailoverController(spec.failover());
    this.brokerRandom = streams.stream(region.key() + ".broker");
    this.reaper = spec.reaper();
    this.faults = new ClusterFaults(this);
  }

  /** Binds both servers' ports (blocking, at startup), then starts probes and the reaper on the loop. */
  void start() throws InterruptedException {
    for (GatewayServer s : servers) {
      s.bind();
    }
    publishRoute();
    loop.execute(() -> {
      long interval = clock.realNanos(spec.failover().intervalNanos());
      loop.scheduleAtFixedRate(this::probe, interval, interval, TimeUnit.NANOSECONDS);
      scheduleReapers();
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
    ServerRole role = failover.switching() ? failover.standby() : failover.active();
    routedPort = server(role).port();
  }

  /** Whether {@code role} takes requests now: it is active, up, and no switchover is running. */
  boolean serves(ServerRole role) {
    return !failover.switching() && failover.active() == role
        && server(role).model.state() == GatewayScheduler.State.UP;
  }

  boolean wanDown() {
    return wanOutages > 0;
  }

  /** DSP↔CSP broker round trip for one request, virtual nanoseconds. */
  long brokerRttNanos() {
    return (long) spec.brokerRtt().sample(brokerRandom) + brokerAddNanos;
  }

  void event(String kind, String server, String detail) {
    long now = clock.nowVirtualNanos();
    events.add(new LiveEvents.Event(clock.timebase().instantOf(now).toString(), LOCAL.format(clock.timebase().localOf(now)),
        region.key(), kind, server, detail));
  }

  // ---- failover -------------------------------------------------------------------------------

  /** A real HTTP probe of the active server; the answer feeds the failover controller. */
  private void probe() {
    if (probeInFlight || failover.switching()) {
      return;
    }
    probeInFlight = true;
    ServerRole probed = failover.active();
    FailoverPolicy.ProbeKind kind = spec.failover().probe();
    InetSocketAddress to = new InetSocketAddress(LiveEmulator.LOOPBACK, server(probed).port());
    // A refused connection (hardware failure) fails at once; only a slow answer waits this long, and an
    // emulator busy under load must not read as a lost heartbeat: at least 2 s real.
    long timeout = Math.max(clock.realNanos(spec.failover().intervalNanos()), TimeUnit.SECONDS.toNanos(2));
    probes.send(to, LoopbackHttpClient.get(to, "/probe/" + kind.name().toLowerCase(java.util.Locale.ROOT)), timeout)
        .thenAccept(r -> loop.execute(() -> probed(probed, r.ok())));
  }

  private void probed(ServerRole probed, boolean ok) {
    probeInFlight = false;
    if (failover.switching() || failover.active() != probed) {
      return;
    }
    boolean standbyUp = server(failover.standby()).model.state() == GatewayScheduler.State.UP;
    if (failover.onProbe(ok, standbyUp)) {
      beginFailover(spec.failover().probe() == FailoverPolicy.ProbeKind.HEARTBEAT
          ? "heartbeat-lost" : "health-check-failed");
    }
  }

  /** Operator's manual failover; false when a switchover is already running. */
  boolean manualFailover() {
    if (!failover.beginManualSwitchover()) {
      return false;
    }
    beginFailover("operator");
    return true;
  }

  private void beginFailover(String reason) {
    ServerRole from = failover.active();
    GatewayServer old = server(from);
    int lost = 0;
    if (old.model.state() == GatewayScheduler.State.UP) {
      old.model.stop(GatewayScheduler.State.RESTARTING);
      lost = old.loseInFlight();
      atLimit[from.ordinal()] = false;
      scheduleServerUp(from, spec.operator().repairNanos());
    }
    failovers++;
    metrics.failover(region);
    publishRoute();
    event("failover", from.key(), reason + " -> " + from.other().key() + ", lost " + lost);
    loop.schedule(this::switchoverDone, clock.realNanos(spec.failover().switchoverNanos()), TimeUnit.NANOSECONDS);
  }

  private void switchoverDone() {
    failover.completeSwitchover();
    publishRoute();
    event("switchover-complete", failover.active().key(), "");
  }

  int failovers() {
    return failovers;
  }

  // ---- restarts and repairs -------------------------------------------------------------------

  void restart(ServerRole role, String why) {
    GatewayServer s = server(role);
    if (s.model.state() == GatewayScheduler.State.FAILED) {
      event("restart-skipped", role.key(), why + " (hardware failed)");
      return;
    }
    s.model.stop(GatewayScheduler.State.RESTARTING);
    int lost = s.loseInFlight();
    atLimit[role.ordinal()] = false;
    event("restart", role.key(), why + ", lost " + lost);
    scheduleServerUp(role, spec.operator().restartDowntimeNanos());
  }

  private void scheduleServerUp(ServerRole role, long delayNanos) {
    loop.schedule(() -> serverUp(role), clock.realNanos(delayNanos), TimeUnit.NANOSECONDS);
  }

  private void serverUp(ServerRole role) {
    GatewayServer s = server(role);
    if (hardwareFaults[role.ordinal()] > 0 || s.model.state() == GatewayScheduler.State.UP) {
      return;
    }
    s.model.start();
    event("back-up", role.key(), "");
  }

  int[] hardwareFaults() {
    return hardwareFaults;
  }

  /** A hardware failure stopped the server: the port goes dark. */
  void hardwareStopped(ServerRole role) {
    int lost = server(role).goDark();
    atLimit[role.ordinal()] = false;
    event("hardware-failed", role.key(), "port closed, lost " + lost);
  }

  /** The last hardware failure ended: the port answers again. */
  void hardwareRepaired(ServerRole role) {
    server(role).comeBack();
    event("back-up", role.key(), "hardware repaired");
  }

  // ---- reaper ---------------------------------------------------------------------------------

  void setReaper(ReaperSpec newReaper) {
    reaper = newReaper;
    reaperGeneration++;
    event("reaper-set", "", "period " + newReaper.periodNanos() / 60_000_000_000L + "m, threshold "
        + newReaper.threshold());
    scheduleReapers();
  }

  private void scheduleReapers() {
    if (reaper.periodic()) {
      for (ServerRole role : ServerRole.values()) {
        scheduleReaper(role, reaperGeneration);
      }
    }
  }

  private void scheduleReaper(ServerRole role, int generation) {
    long next = clock.timebase().nextAligned(clock.nowVirtualNanos(), reaper.periodNanos(), reaper.offsetNanos());
    loop.schedule(() -> {
      if (generation == reaperGeneration) {
        reap(server(role), "cron");
        scheduleReaper(role, generation);
      }
    }, Math.max(1, clock.realNanosUntil(next)), TimeUnit.NANOSECONDS);
  }

  void checkReaperThreshold(GatewayServer s) {
    int threshold = reaper.threshold();
    if (threshold > 0 && s.model.liveProcesses() >= threshold && s.model.leaked() > 0) {
      reap(s, "threshold");
    }
  }

  private void reap(GatewayServer s, String why) {
    int n = s.model.reap();
    if (n > 0) {
      atLimit[s.role.ordinal()] = false;
      metrics.reaped(region, s.role, n);
      event("reaped", s.role.key(), why + ": " + n + " leaked children");
    }
  }

  void limitReached(GatewayServer s) {
    if (!atLimit[s.role.ordinal()]) {
      atLimit[s.role.ordinal()] = true;
      event("process-limit-reached", s.role.key(), s.model.liveProcesses() + " processes, leaked " + s.model.leaked());
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
      list.add(new LiveStatus.Server(s.role.key(), g.state().label(), failover.active() == s.role, s.port(),
          g.spec().processLimit(), g.liveProcesses(), g.working(), g.queued(), g.leaked(), g.peakProcesses(),
          g.leakProbability(), g.grayFailing(), g.leakedTotal(), g.reapedTotal(), s.admitted(), s.inFlight(),
          outcomes));
    }
    FailoverPolicy p = spec.failover();
    return new LiveStatus.Region(region.key(), p.key(), p.probe().name().toLowerCase(java.util.Locale.ROOT),
        failover.active().key(), failover.standby().key(), failover.switching(), failovers,
        brokerAddNanos / 1_000_000, wanDown(), list, faults.active());
  }
}
