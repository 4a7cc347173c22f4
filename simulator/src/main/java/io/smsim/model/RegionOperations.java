package io.smsim.model;

import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * One region's server-level model, written once for both clocks (ARCHITECTURE.md, "One model, two
 * clocks"): the two gateway servers, the failover controller and its probes, the switchover,
 * restarts and repairs, the reaper (cron and threshold, {@code set-reaper}), faults in force
 * ({@link FaultState}: the one rule for overlapping faults), the alert rule and the operator's
 * actions (fixed-time operations, restart after detection). The replay drives it from the
 * simulator's event queue, {@code serve} from a region's event loop; both through a
 * {@link RegionDriver}, so both play every fault kind and operation the same way, at the same
 * virtual times.
 *
 * <p>Time passes only through {@link #onTimer(long)}: the model asks its driver to call back at a
 * virtual time with an opaque timer code. Per-request methods ({@link #serving()},
 * {@link #brokerRttNanos()}, {@link #checkReaperThreshold}) allocate nothing.
 *
 * <p><b>Operator restart after detection</b> (issue 14): the operator restarts the server that
 * failed. If a failover began within the alert's evidence (its window and hold before the alert),
 * that is the server the failover took out, not the one that has just taken over; otherwise the
 * active server. Restarting the server that took over would fail it in turn, fail over again and
 * raise a new incident every few minutes, long after the fault ended.
 */
public final class RegionOperations {

  private static final int PROBE = 0;
  private static final int SWITCHOVER_DONE = 1;
  private static final int SERVER_UP = 2;
  private static final int REAPER = 3;
  private static final int FAULT_START = 4;
  private static final int FAULT_END = 5;
  private static final int OPERATION = 6;
  private static final int POLICY_RESTART = 7;
  private static final long PAYLOAD = (1L << 56) - 1;
  private static final ServerRole[] ROLES = ServerRole.values();

  private final ClusterSpec spec;
  private final Timebase timebase;
  private final long horizonNanos;
  private final RegionDriver driver;
  private final GatewayScheduler[] servers = new GatewayScheduler[2];
  private final FailoverController failover;
  private final AlertRule alert;
  private final RandomStream brokerRandom;
  private final FaultState faults = new FaultState();
  private final boolean[] atLimit = new boolean[2];
  private final ArrayDeque<Long> pendingRestartEvidence = new ArrayDeque<>();
  private List<FaultSpec> timelineFaults = List.of();
  private int[] timelineIds = new int[0];
  private List<OperationSpec> operations = List.of();
  private ReaperSpec reaper;
  private int reaperGeneration;
  private int failovers;
  private ServerRole lastFailoverFrom;
  private long lastFailoverAtNanos = Long.MIN_VALUE;

  /**
   * @param horizonNanos nothing is scheduled after this virtual time (the replay's end; {@code Long.MAX_VALUE} live)
   */
  public RegionOperations(ClusterSpec spec, RandomStreams streams, Timebase timebase, long horizonNanos,
      RegionDriver driver) {
    this.spec = spec;
    this.timebase = timebase;
    this.horizonNanos = horizonNanos;
    this.driver = driver;
    Region region = spec.region();
    for (ServerRole role : ServerRole.values()) {
      servers[role.ordinal()] = new GatewayScheduler(region.key() + "." + role.key(), spec.gateway(), streams);
    }
    this.failover = new FailoverController(spec.failover());
    this.alert = new AlertRule(spec.monitoring());
    this.brokerRandom = streams.stream(region.key() + ".broker");
    this.reaper = spec.reaper();
  }

  // ---- set-up ---------------------------------------------------------------------------------

  /**
   * Schedules this region's faults and operations of the scenario's timeline; {@code ids} hands out
   * fault ids (live: unique across regions, as the admin API clears by id).
   */
  public void scheduleTimeline(List<FaultSpec> allFaults, List<OperationSpec> allOperations, IntSupplier ids) {
    timelineFaults = allFaults.stream().filter(f -> f.region() == spec.region()).toList();
    operations = allOperations.stream().filter(o -> o.region() == spec.region()).toList();
    timelineIds = new int[timelineFaults.size()];
    for (int i = 0; i < timelineFaults.size(); i++) {
      FaultSpec f = timelineFaults.get(i);
      timelineIds[i] = ids.getAsInt();
      driver.schedule(f.atNanos(), timer(FAULT_START, i));
      if (f.untilNanos() <= horizonNanos && f.untilNanos() != Long.MAX_VALUE) {
        driver.schedule(f.untilNanos(), timer(FAULT_END, i));
      }
    }
    for (int i = 0; i < operations.size(); i++) {
      driver.schedule(operations.get(i).atNanos(), timer(OPERATION, i));
    }
  }

  /** Starts the failover controller's probes and the reaper's schedule. */
  public void start() {
    driver.schedule(Math.min(horizonNanos, spec.failover().intervalNanos()), timer(PROBE, 0));
    scheduleReapers(-1);
  }

  private static long timer(int type, long payload) {
    return (long) type << 56 | (payload & PAYLOAD);
  }

  /** A timer scheduled through {@link RegionDriver#schedule} is due. */
  public void onTimer(long timer) {
    long payload = timer & PAYLOAD;
    switch ((int) (timer >>> 56)) {
      case PROBE -> probe();
      case SWITCHOVER_DONE -> switchoverDone();
      case SERVER_UP -> serverUp(ROLES[(int) payload]);
      case REAPER -> periodicReap(ROLES[(int) (payload & 1)], (int) (payload >>> 1));
      case FAULT_START -> {
        FaultSpec f = timelineFaults.get((int) payload);
        inject(timelineIds[(int) payload], f.fault(), f.target(), "scenario");
      }
      case FAULT_END -> clear(timelineIds[(int) payload]);
      case OPERATION -> operation(operations.get((int) payload));
      case POLICY_RESTART -> policyRestart();
      default -> throw new IllegalStateException("unknown timer " + Long.toHexString(timer));
    }
  }

  // ---- what requests see (hot path: no allocation) --------------------------------------------

  public Region region() {
    return spec.region();
  }

  public ClusterSpec spec() {
    return spec;
  }

  public GatewayScheduler server(ServerRole role) {
    return servers[role.ordinal()];
  }

  /** The server of role ordinal {@code role} (0 primary, 1 secondary): for per-request callers. */
  public GatewayScheduler server(int role) {
    return servers[role];
  }

  public FailoverController failover() {
    return failover;
  }

  /** The server requests are routed to: the active one, or during a switchover the one taking over. */
  public ServerRole routedRole() {
    return failover.switching() ? failover.standby() : failover.active();
  }

  /** Whether the region serves now: no switchover running and the active server up. */
  public boolean serving() {
    return !failover.switching() && servers[failover.active().ordinal()].state() == GatewayScheduler.State.UP;
  }

  /** Whether {@code role} takes requests now. */
  public boolean serves(ServerRole role) {
    return failover.active() == role && serving();
  }

  public boolean wanDown() {
    return faults.wanDown();
  }

  /** DSP↔CSP broker round trip for one request: a draw of the broker's distribution plus any broker fault. */
  public long brokerRttNanos() {
    return (long) spec.brokerRtt().sample(brokerRandom) + faults.brokerAddNanos();
  }

  /** A spawn failed at the server of role ordinal {@code role}: the first one since the table was last emptied is an event. */
  public void limitReached(int role) {
    if (!atLimit[role]) {
      atLimit[role] = true;
      GatewayScheduler g = servers[role];
      event(EventKind.PROCESS_LIMIT_REACHED, ROLES[role].key(), g.liveProcesses(), "leaked " + g.leaked(), "");
    }
  }

  /** After each admission at the server of role ordinal {@code role}: the reaper's threshold trigger. */
  public void checkReaperThreshold(int role) {
    int threshold = reaper.threshold();
    GatewayScheduler g = servers[role];
    if (threshold > 0 && !faults.reaperDown() && g.liveProcesses() >= threshold && g.leaked() > 0) {
      reap(ROLES[role]);
    }
  }

  // ---- failover -------------------------------------------------------------------------------

  private void probe() {
    driver.probe(failover.active(), spec.failover().probe());
    long next = driver.nowNanos() + spec.failover().intervalNanos();
    if (next <= horizonNanos) {
      driver.schedule(next, timer(PROBE, 0));
    }
  }

  /** The answer to a probe of {@code role} (ignored when another server is active by now). */
  public void probed(ServerRole role, boolean ok) {
    if (failover.active() != role) {
      return;
    }
    boolean standbyUp = server(failover.standby()).state() == GatewayScheduler.State.UP;
    if (failover.onProbe(ok, standbyUp)) {
      beginFailover(spec.failover().probe() == FailoverPolicy.ProbeKind.HEARTBEAT
          ? "heartbeat-lost" : "health-check-failed");
    }
  }

  /** An operator's manual failover; false when a switchover is already running. */
  public boolean manualFailover() {
    if (!failover.beginManualSwitchover()) {
      return false;
    }
    beginFailover("operator");
    return true;
  }

  private void beginFailover(String reason) {
    ServerRole from = failover.active();
    GatewayScheduler g = server(from);
    int lost = 0;
    if (g.state() == GatewayScheduler.State.UP) {
      g.stop(GatewayScheduler.State.RESTARTING);
      lost = driver.processesDied(from);
      atLimit[from.ordinal()] = false;
      scheduleServerUp(from, spec.operator().repairNanos());
    }
    failovers++;
    lastFailoverFrom = from;
    lastFailoverAtNanos = driver.nowNanos();
    driver.routeChanged();
    event(EventKind.FAILOVER, from.key(), lost, reason + " -> " + from.other().key(), "");
    driver.failoverStarted(from, reason, lost);
    driver.schedule(driver.nowNanos() + spec.failover().switchoverNanos(), timer(SWITCHOVER_DONE, 0));
  }

  private void switchoverDone() {
    failover.completeSwitchover();
    driver.routeChanged();
    driver.switchoverCompleted();
    event(EventKind.SWITCHOVER_COMPLETE, failover.active().key(), 0, "", "");
  }

  public int failovers() {
    return failovers;
  }

  // ---- restarts and repairs -------------------------------------------------------------------

  /** Restarts {@code role}'s server: every process dies, it serves again after the restart downtime. */
  public void restart(ServerRole role, String why) {
    GatewayScheduler g = server(role);
    if (g.state() == GatewayScheduler.State.FAILED) {
      event(EventKind.RESTART_SKIPPED, role.key(), 0, why + " (hardware failed)", "");
      return;
    }
    g.stop(GatewayScheduler.State.RESTARTING);
    int lost = driver.processesDied(role);
    atLimit[role.ordinal()] = false;
    event(EventKind.RESTART, role.key(), lost, why, "");
    scheduleServerUp(role, spec.operator().restartDowntimeNanos());
  }

  private void policyRestart() {
    long evidenceFrom = pendingRestartEvidence.removeFirst();
    ServerRole failed = lastFailoverAtNanos >= evidenceFrom ? lastFailoverFrom : failover.active();
    restart(failed, "operator policy: restart after detection");
  }

  private void scheduleServerUp(ServerRole role, long delayNanos) {
    long at = driver.nowNanos() + delayNanos;
    if (at <= horizonNanos) {
      driver.schedule(at, timer(SERVER_UP, role.ordinal()));
    }
  }

  private void serverUp(ServerRole role) {
    GatewayScheduler g = server(role);
    if (faults.hardwareFailed(role) || g.state() == GatewayScheduler.State.UP) {
      return;
    }
    g.start();
    event(EventKind.BACK_UP, role.key(), 0, "", "");
  }

  private void operation(OperationSpec op) {
    switch (op.action()) {
      case RESTART -> {
        for (ServerRole role : roles(op.target())) {
          restart(role, "operator action at a fixed time");
        }
      }
      case FAILOVER -> manualFailover();
      case SET_REAPER -> setReaper(op.reaper());
      default -> throw new IllegalStateException();
    }
  }

  /** The servers a target names now ({@code active}: the active one). */
  public ServerRole[] roles(ServerTarget target) {
    return switch (target) {
      case PRIMARY -> new ServerRole[] {ServerRole.PRIMARY};
      case SECONDARY -> new ServerRole[] {ServerRole.SECONDARY};
      case BOTH -> ServerRole.values();
      case ACTIVE -> new ServerRole[] {failover.active()};
    };
  }

  // ---- alerts ---------------------------------------------------------------------------------

  /**
   * A minute of the region's traffic ended at {@code minuteEndNanos}: evaluates the alert rule and,
   * when it fires, records the alert (at the ticket time) and schedules the operator's restart.
   */
  public void onMinute(long minuteEndNanos, long attempts, long failed, long failedJourneys) {
    long detected = alert.onMinute(minuteEndNanos, attempts, failed, failedJourneys);
    if (detected < 0) {
      return;
    }
    MonitoringSpec m = spec.monitoring();
    driver.event(new RegionEvent(EventKind.ALERT, detected, "", 0, m.kind().name().toLowerCase(Locale.ROOT), ""));
    long after = spec.operator().restartAfterDetectionNanos();
    if (after >= 0 && detected + after <= horizonNanos) {
      pendingRestartEvidence.addLast(minuteEndNanos - m.forNanos() - m.windowNanos());
      driver.schedule(detected + after, timer(POLICY_RESTART, 0));
    }
  }

  public AlertRule alert() {
    return alert;
  }

  // ---- faults ---------------------------------------------------------------------------------

  /** Starts a fault on the target servers (or the region, for broker, WAN and reaper faults). */
  public void inject(int id, Fault fault, ServerTarget target, String source) {
    int mask = 0;
    if (fault.serverFault()) {
      for (ServerRole role : roles(target)) {
        mask |= 1 << role.ordinal();
      }
    }
    FaultState.Active a = new FaultState.Active(id, fault, mask, source, driver.nowNanos());
    faults.add(a);
    int lost = 0;
    for (ServerRole role : ServerRole.values()) {
      if (a.on(role)) {
        lost += applyFaults(role);
      }
    }
    event(EventKind.FAULT_START, RegionEvent.where(mask), lost, fault.key(),
        "#" + id + " (" + source + (faults.inForce(a) ? "" : "; a stronger one is in force") + ")");
  }

  /** Ends fault {@code id}; false when no such fault is in force. */
  public boolean clear(int id) {
    FaultState.Active a = faults.remove(id);
    if (a == null) {
      return false;
    }
    event(EventKind.FAULT_END, RegionEvent.where(a.serverMask()), 0, a.fault().key(), "#" + id);
    for (ServerRole role : ServerRole.values()) {
      if (a.on(role)) {
        applyFaults(role);
      }
    }
    return true;
  }

  /** Ends every fault in force; returns how many. */
  public int clearAll() {
    int n = 0;
    for (FaultState.Active a : faults.active()) {
      n += clear(a.id()) ? 1 : 0;
    }
    return n;
  }

  public FaultState faults() {
    return faults;
  }

  /** Brings the server in line with the faults in force; returns work lost when its hardware failed now. */
  private int applyFaults(ServerRole role) {
    GatewayScheduler g = server(role);
    g.setLeakProbability(faults.leakProbability(role));
    g.setGrayFailure(faults.grayFailureProbability(role), faults.graySlowdown(role));
    boolean failed = faults.hardwareFailed(role);
    if (failed && g.state() != GatewayScheduler.State.FAILED) {
      g.stop(GatewayScheduler.State.FAILED);
      atLimit[role.ordinal()] = false;
      return driver.hardwareFailed(role);
    }
    if (!failed && g.state() == GatewayScheduler.State.FAILED) {
      g.start();
      driver.hardwareRepaired(role);
      event(EventKind.BACK_UP, role.key(), 0, "hardware repaired", "");
    }
    return 0;
  }

  // ---- reaper ---------------------------------------------------------------------------------

  /** Installs (or changes) the reaper from now on; the old schedule's runs are dropped. */
  public void setReaper(ReaperSpec newReaper) {
    reaper = newReaper;
    reaperGeneration++;
    event(EventKind.REAPER_SET, "", newReaper.threshold(), "period " + newReaper.periodNanos() / 60_000_000_000L + "m",
        "");
    scheduleReapers(driver.nowNanos());
  }

  public ReaperSpec reaper() {
    return reaper;
  }

  private void scheduleReapers(long afterNanos) {
    if (reaper.periodic()) {
      for (ServerRole role : ServerRole.values()) {
        scheduleReaper(role, afterNanos);
      }
    }
  }

  private void scheduleReaper(ServerRole role, long afterNanos) {
    long next = timebase.nextAligned(afterNanos, reaper.periodNanos(), reaper.offsetNanos());
    if (next <= horizonNanos) {
      driver.schedule(next, timer(REAPER, (long) reaperGeneration << 1 | role.ordinal()));
    }
  }

  private void periodicReap(ServerRole role, int generation) {
    if (generation != reaperGeneration) {
      return; // a schedule replaced by set-reaper
    }
    if (!faults.reaperDown()) {
      reap(role);
    }
    scheduleReaper(role, driver.nowNanos());
  }

  private void reap(ServerRole role) {
    int n = server(role).reap();
    if (n > 0) {
      atLimit[role.ordinal()] = false;
      driver.reaped(role, n);
      event(EventKind.REAPER, role.key(), n, "", "");
    }
  }

  private void event(EventKind kind, String server, long value, String detail, String note) {
    driver.event(new RegionEvent(kind, driver.nowNanos(), server, value, detail, note));
  }
}
