package io.smsim.model;

/**
 * Something going wrong on the scenario's timeline (ARCHITECTURE.md, "The model in brief").
 * A fault is active from its start until its end (or the end of the run).
 */
public sealed interface Fault
    permits Fault.Leak, Fault.HardwareFailure, Fault.GrayFailure, Fault.BrokerRtt, Fault.WanOutage,
    Fault.ReaperOutage {

  /** Stable name used in scenarios. */
  String key();

  /** Whether the fault concerns one server (rather than the region's broker or WAN). */
  default boolean serverFault() {
    return true;
  }

  /** Finished children fail to exit with this probability (the seed's Gateway Scheduler defect). */
  record Leak(double probability) implements Fault {
    public Leak {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be in [0,1]: " + probability);
      }
    }

    @Override
    public String key() {
      return "leak";
    }
  }

  /** The machine stops: heartbeats are lost, in-flight work is lost. */
  record HardwareFailure() implements Fault {
    @Override
    public String key() {
      return "hardware-failure";
    }
  }

  /** Alive but failing requests with a probability, and/or slow by a factor (at most {@link #MAX_SLOWDOWN}). */
  record GrayFailure(double failureProbability, double slowdown) implements Fault {

    /** The largest slowdown: a million times slower is a server that does not answer. */
    public static final double MAX_SLOWDOWN = 1e6;

    public GrayFailure {
      if (!(failureProbability >= 0 && failureProbability <= 1)) {
        throw new IllegalArgumentException("failureProbability must be in [0,1]: " + failureProbability);
      }
      if (!(slowdown >= 1 && slowdown <= MAX_SLOWDOWN)) {
        throw new IllegalArgumentException("slowdown must be in [1, " + (long) MAX_SLOWDOWN + "]: " + slowdown);
      }
    }

    @Override
    public String key() {
      return "gray-failure";
    }
  }

  /** The region's message broker (ActiveMQ in the seed) adds round-trip time, at most {@link Timebase#MAX_NANOS}. */
  record BrokerRtt(long addNanos) implements Fault {
    public BrokerRtt {
      if (addNanos < 0 || addNanos > Timebase.MAX_NANOS) {
        throw new IllegalArgumentException("add must be in [0, 100 years]: " + addNanos + " ns");
      }
    }

    @Override
    public String key() {
      return "broker-rtt";
    }

    @Override
    public boolean serverFault() {
      return false;
    }
  }

  /** The region's WAN cannot reach devices: device requests end unreachable (E20). */
  record WanOutage() implements Fault {
    @Override
    public String key() {
      return "wan-outage";
    }

    @Override
    public boolean serverFault() {
      return false;
    }
  }

  /**
   * The region's reaper automation does not run (the report's residual risk: "if the automation
   * fails then this could re-occur"): neither the cron job nor the threshold trigger kills leaked
   * children while the fault lasts, whatever reaper is configured.
   */
  record ReaperOutage() implements Fault {
    @Override
    public String key() {
      return "reaper-outage";
    }

    @Override
    public boolean serverFault() {
      return false;
    }
  }
}
