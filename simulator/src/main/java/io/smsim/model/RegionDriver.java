package io.smsim.model;

/**
 * The clock and surroundings a {@link RegionOperations} runs in: the simulator's event queue in
 * virtual time ({@code sim}) or a region's Netty event loop in real time ({@code live}). The model
 * decides; the driver keeps time, carries out what only it can (failing requests in flight, closing
 * a port, sending a probe) and records what happened.
 */
public interface RegionDriver {

  /** Virtual time now, nanoseconds from the scenario start. */
  long nowNanos();

  /** Calls {@link RegionOperations#onTimer(long)} with {@code timer} at virtual time {@code atNanos} (≥ now). */
  void schedule(long atNanos, long timer);

  /**
   * Probes {@code role}'s server; the answer goes to {@link RegionOperations#probed} (at once in
   * virtual time, when the HTTP answer arrives live).
   */
  void probe(ServerRole role, FailoverPolicy.ProbeKind kind);

  /** The server's processes died (restart, failover): fail its work in flight as lost; returns how many. */
  int processesDied(ServerRole role);

  /** The server's hardware failed: fail its work in flight as lost (live: the port goes dark); returns how many. */
  int hardwareFailed(ServerRole role);

  /** The server's hardware is repaired (live: listen again). */
  void hardwareRepaired(ServerRole role);

  /** Which server requests are routed to may have changed (live: publish the port). */
  void routeChanged();

  /** Records an event of the region's timeline. */
  void event(RegionEvent e);

  /** A failover began now: record it (the result's {@code failovers[]}, live metrics). */
  void failoverStarted(ServerRole from, String reason, int lost);

  /** The switchover of the last failover ended now. */
  void switchoverCompleted();

  /** The reaper killed {@code n} leaked children of the server now (counters only; the event is separate). */
  void reaped(ServerRole role, int n);
}
