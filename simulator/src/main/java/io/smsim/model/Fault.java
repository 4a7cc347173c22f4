package io.smsim.model;

/**
 * Something going wrong on the scenario's timeline (ARCHITECTURE.md, "The model in brief").
 * A fault is active from its start until its end (or the end of the run).
 */
public sealed interface Fault
    permits Fault.Leak, Fault.HardwareFailure, Fault.GrayFailure, Fault.BrokerRtt, Fault.WanOutage,
    Fault.ReaperOutage, Fault.AlertStorm {

  /** Stable name used in scenarios. */
  String key();

  /** Whether the fault concerns one server (rather than the region's broker or WAN). */
  default boolean serverFault() {
    return true;
  }

  /**
   * Finished children fail to exit with this probability (the seed's Gateway Scheduler defect),
   * and linger for a random {@code lifetime} before they do exit, or, without one, until the reaper
   * or a restart kills them. Why a lifetime, and why it makes failures at the full table
   * intermittent rather than total, is in {@link GatewayScheduler}'s class comment.
   *
   * @param lifetime how long a leaked child stays in the process table (nanoseconds), or
   *     {@code null} for as long as the server runs
   */
  record Leak(double probability, io.smsim.engine.Distribution lifetime) implements Fault {
    public Leak {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be in [0,1]: " + probability);
      }
    }

    /** Leaked children that stay until reaped or restarted. */
    public Leak(double probability) {
      this(probability, null);
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

  /**
   * An alert storm: the region's devices raise alerts of one type at {@code ratePerSec} (a Poisson
   * stream, virtual time) on top of the ordinary alert workload, each from one of the region's
   * first {@code devices} devices, drawn uniformly. Every alert is one more message through the
   * region's gateway ({@link Category#ALERT}), so a storm competes with service requests for the
   * gateway's processes; live, each alert that gets through goes to the response URL.
   *
   * <p>Bounds: at most {@link #MAX_RATE_PER_SEC} alerts per virtual second (the live emulation
   * also bounds the real rate, rate times time scale) and at most {@link #MAX_DEVICES} devices.
   */
  record AlertStorm(double ratePerSec, int devices, AlertType alert) implements Fault {

    /** Most alerts per virtual second a storm may raise. */
    public static final double MAX_RATE_PER_SEC = 10_000;
    /** Most devices a storm may name. */
    public static final int MAX_DEVICES = 10_000_000;

    public AlertStorm {
      java.util.Objects.requireNonNull(alert, "alert");
      if (!(ratePerSec > 0 && ratePerSec <= MAX_RATE_PER_SEC)) {
        throw new IllegalArgumentException("rate must be in (0, " + (long) MAX_RATE_PER_SEC + "] alerts/s: "
            + ratePerSec);
      }
      if (devices < 1 || devices > MAX_DEVICES) {
        throw new IllegalArgumentException("devices must be in [1, " + MAX_DEVICES + "]: " + devices);
      }
    }

    @Override
    public String key() {
      return "alert-storm";
    }

    @Override
    public boolean serverFault() {
      return false;
    }
  }
}
