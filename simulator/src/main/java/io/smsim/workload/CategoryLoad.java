package io.smsim.workload;

import io.smsim.engine.Distribution;
import io.smsim.engine.RandomStream;
import io.smsim.model.Category;
import io.smsim.model.Srv;
import io.smsim.model.Timebase;
import java.util.List;
import java.util.Objects;

/**
 * The traffic of one category in one region: Poisson arrivals at {@code perDay} shaped by a
 * profile, or the arrivals of a recorded {@code trace}; each arrival either one service request
 * (its SRV named by the trace's row, or drawn from an SRV {@code mix}), or (installs) a journey
 * through {@code journey} steps with installer {@code thinkTime} between them, or (alerts) one
 * device alert, which has neither.
 *
 * @param perDay with a trace, the trace's average volume per day ({@link TraceSpec#perDay()})
 * @param trace the recorded arrivals, or {@code null} for Poisson arrivals at {@code perDay}
 */
public record CategoryLoad(Category category, double perDay, RateProfile profile, SrvMix mix,
    List<Srv> journey, Distribution thinkTime, RetrySpec retries, TraceSpec trace) {

  /** Poisson arrivals at {@code perDay} shaped by {@code profile}. */
  public CategoryLoad(Category category, double perDay, RateProfile profile, SrvMix mix, List<Srv> journey,
      Distribution thinkTime, RetrySpec retries) {
    this(category, perDay, profile, mix, journey, thinkTime, retries, null);
  }

  public CategoryLoad {
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(retries, "retries");
    if (!(perDay >= 0 && Double.isFinite(perDay))) {
      throw new IllegalArgumentException("perDay must be finite and >= 0: " + perDay);
    }
    journey = journey == null ? List.of() : List.copyOf(journey);
    if (category == Category.ALERT) {
      if (!journey.isEmpty() || mix != null) {
        throw new IllegalArgumentException("alerts take neither a journey nor an SRV mix");
      }
    } else if (!journey.isEmpty() && mix != null) {
      throw new IllegalArgumentException(category.key() + " needs exactly one of journey or mix");
    } else if (journey.isEmpty() && mix == null && (trace == null || trace.srvs().isEmpty())) {
      throw new IllegalArgumentException(category.key() + " needs a journey, a mix, or a trace naming its SRVs");
    }
    if (!journey.isEmpty() && thinkTime == null) {
      throw new IllegalArgumentException("a journey needs a thinkTime");
    }
  }

  public boolean isJourney() {
    return !journey.isEmpty();
  }

  /** The SRVs this load sends: the journey's steps, or the mix's and the trace's SRVs; none for alerts. */
  public List<Srv> srvs() {
    if (isJourney()) {
      return journey;
    }
    java.util.LinkedHashSet<Srv> all = new java.util.LinkedHashSet<>();
    if (mix != null) {
      all.addAll(mix.srvs());
    }
    if (trace != null) {
      all.addAll(trace.srvs());
    }
    return List.copyOf(all);
  }

  /**
   * The arrival times of this load in a region: the trace's, or Poisson at {@code perDay} × profile.
   *
   * @param random the region's and category's arrivals stream
   */
  public Arrivals arrivals(io.smsim.model.Region region, Timebase timebase, RandomStream random) {
    return trace != null ? TraceArrivals.open(trace, region, category, timebase, random)
        : ArrivalProcess.poisson(random, profile, perDay, timebase);
  }
}
