package io.smsim.workload;

import io.smsim.engine.RandomStream;
import io.smsim.model.Timebase;

/**
 * Arrival times of a Poisson process whose rate is constant within each local hour (a profile),
 * generated exactly: draw an exponential gap at the current rate; if it crosses the next hour
 * boundary, move to the boundary and draw again (valid by memorylessness; see Lewis &amp; Shedler,
 * "Simulation of nonhomogeneous Poisson processes", 1979, for the piecewise-constant case).
 */
public final class ArrivalProcess implements Arrivals {

  private final RandomStream random;
  private final RateProfile profile;
  private final double perDay;
  private final Timebase timebase;
  private long segmentEnd = -1;
  private double ratePerNano;

  private ArrivalProcess(RandomStream random, RateProfile profile, double perDay, Timebase timebase) {
    this.random = random;
    this.profile = profile;
    this.perDay = perDay;
    this.timebase = timebase;
  }

  /** Poisson arrivals of {@code perDay} per day shaped by a profile in local time. */
  public static ArrivalProcess poisson(RandomStream random, RateProfile profile, double perDay, Timebase timebase) {
    return new ArrivalProcess(random, profile, perDay, timebase);
  }

  /** The next arrival strictly after {@code nowNanos}, or {@link Long#MAX_VALUE} if none will come. */
  @Override
  public long next(long nowNanos) {
    if (perDay <= 0) {
      return Long.MAX_VALUE;
    }
    long t = nowNanos;
    for (int emptyHours = 0; emptyHours < 24 * 8; ) {
      if (t >= segmentEnd) {
        enterSegment(t);
      }
      if (ratePerNano <= 0) {
        t = segmentEnd;
        emptyHours++;
        continue;
      }
      double gap = -Math.log(random.nextOpenDouble()) / ratePerNano;
      double at = t + gap;
      if (at < segmentEnd) {
        return Math.max(nowNanos + 1, (long) at);
      }
      t = segmentEnd;
    }
    return Long.MAX_VALUE; // a whole week with zero rate: the profile never sends
  }

  private void enterSegment(long t) {
    var local = timebase.localOf(t);
    ratePerNano = profile.ratePerSecond(perDay, local.getHour(), local.getDayOfWeek().getValue() - 1) / 1e9;
    segmentEnd = timebase.nextLocalHour(t);
  }
}
