package io.smsim.load;

import io.smsim.engine.RandomStreams;
import io.smsim.model.Timebase;
import java.util.Locale;

/** How intended send times are laid out: a constant rate, Poisson arrivals, or a scenario's workload profile. */
public sealed interface Pacing permits Pacing.Constant, Pacing.Poisson, Pacing.Profile {

  /** The schedule of worker {@code worker} of {@code workers}. */
  ArrivalSchedule schedule(Traffic traffic, RandomStreams streams, int worker, int workers);

  /** For the console and summary.json, e.g. {@code constant 200/s}. */
  String describe();

  /** Mean intended requests per second, when known in advance (else NaN). */
  double ratePerSecond();

  /** Evenly spaced sends at {@code ratePerSecond}. */
  record Constant(double ratePerSecond) implements Pacing {
    public Constant {
      checkRate(ratePerSecond, "--rate");
    }

    @Override
    public ArrivalSchedule schedule(Traffic traffic, RandomStreams streams, int worker, int workers) {
      return ArrivalSchedule.constant(ratePerSecond, worker, workers);
    }

    @Override
    public String describe() {
      return "constant " + rate(ratePerSecond) + "/s";
    }
  }

  /** Poisson arrivals at {@code ratePerSecond}. */
  record Poisson(double ratePerSecond) implements Pacing {
    public Poisson {
      checkRate(ratePerSecond, "--rate");
    }

    @Override
    public ArrivalSchedule schedule(Traffic traffic, RandomStreams streams, int worker, int workers) {
      return ArrivalSchedule.poisson(ratePerSecond / workers, streams.stream("load.arrivals.poisson." + worker));
    }

    @Override
    public String describe() {
      return "poisson " + rate(ratePerSecond) + "/s";
    }
  }

  /**
   * The scenario's workload (each region and category's daily volume and hourly profile) from
   * {@code startVirtualNanos} of its timebase, {@code timeScale} virtual seconds per real second.
   */
  record Profile(String scenario, Timebase timebase, long startVirtualNanos, double timeScale) implements Pacing {
    public Profile {
      if (!(timeScale > 0 && timeScale <= 1e6)) {
        throw new IllegalArgumentException("--time-scale must be in (0, 1000000]: " + timeScale);
      }
      if (startVirtualNanos < 0) {
        throw new IllegalArgumentException("--profile-start must not be before the scenario's start");
      }
    }

    @Override
    public ArrivalSchedule schedule(Traffic traffic, RandomStreams streams, int worker, int workers) {
      return ArrivalSchedule.profile(traffic, timebase, startVirtualNanos, timeScale, streams, worker, workers);
    }

    @Override
    public String describe() {
      return "profile of " + scenario + " from " + timebase.instantOf(startVirtualNanos) + " at time scale "
          + rate(timeScale);
    }

    @Override
    public double ratePerSecond() {
      return Double.NaN;
    }
  }

  /**
   * Checks a request rate; {@code what} names it in the message (e.g. {@code --rate}).
   *
   * @throws IllegalArgumentException unless 0 &lt; r ≤ 10,000,000 per second
   */
  public static void checkRate(double r, String what) {
    if (!(r > 0 && r <= 10_000_000)) {
      throw new IllegalArgumentException(what + " must be a positive number of requests per second (at most 10,000,000): "
          + rate(r));
    }
  }

  private static String rate(double r) {
    return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : String.format(Locale.ROOT, "%s", r);
  }
}
