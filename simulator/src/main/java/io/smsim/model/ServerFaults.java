package io.smsim.model;

/**
 * The effect of a server fault (leak, gray failure, hardware failure) starting or ending on one
 * gateway server, shared by the virtual-time replay and the live emulation so both apply faults
 * the same way. The driver acts on the returned {@link Change}: a stopped server's in-flight work
 * is lost; a repaired one serves again.
 */
public final class ServerFaults {

  /** What happened to the server's availability. */
  public enum Change {
    /** Only parameters changed (leak probability, gray failure), or nothing. */
    NONE,
    /** The hardware failed: the server stopped and its in-flight work must be failed as lost. */
    STOPPED,
    /** The last hardware failure ended: the server is up again with an empty process table. */
    REPAIRED
  }

  private ServerFaults() {
  }

  /**
   * Applies the start or end of {@code fault} to {@code server}. Hardware failures may overlap:
   * {@code hardwareFaults[slot]} counts them, and the server comes back when the last one ends.
   *
   * @param hardwareFaults per-server counters of hardware failures in force, owned by the driver
   * @param slot the server's index in {@code hardwareFaults}
   * @throws IllegalArgumentException for a fault that is not a server fault
   */
  public static Change apply(Fault fault, boolean start, GatewayScheduler server, int[] hardwareFaults, int slot) {
    if (fault instanceof Fault.Leak leak) {
      server.setLeak(start ? leak.probability() : 0, start ? leak.lifetime() : null);
      return Change.NONE;
    }
    if (fault instanceof Fault.GrayFailure gray) {
      server.setGrayFailure(start ? gray.failureProbability() : 0, start ? gray.slowdown() : 1);
      return Change.NONE;
    }
    if (fault instanceof Fault.HardwareFailure) {
      if (start) {
        hardwareFaults[slot]++;
        if (server.state() != GatewayScheduler.State.FAILED) {
          server.stop(GatewayScheduler.State.FAILED);
          return Change.STOPPED;
        }
        return Change.NONE;
      }
      if (--hardwareFaults[slot] == 0) {
        server.start();
        return Change.REPAIRED;
      }
      return Change.NONE;
    }
    throw new IllegalArgumentException("not a server fault: " + fault.key());
  }
}
