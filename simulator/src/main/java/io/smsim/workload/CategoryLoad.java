package io.smsim.workload;

import io.smsim.engine.Distribution;
import io.smsim.model.Category;
import io.smsim.model.Srv;
import java.util.List;
import java.util.Objects;

/**
 * The traffic of one category in one region: Poisson arrivals at {@code perDay} shaped by a
 * profile, each arrival either one service request drawn from an SRV {@code mix}, or (installs) a
 * journey through {@code journey} steps with installer {@code thinkTime} between them, or (alerts)
 * one device alert, which has neither.
 */
public record CategoryLoad(Category category, double perDay, RateProfile profile, SrvMix mix,
    List<Srv> journey, Distribution thinkTime, RetrySpec retries) {

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
    } else if (journey.isEmpty() == (mix == null)) {
      throw new IllegalArgumentException(category.key() + " needs exactly one of journey or mix");
    }
    if (!journey.isEmpty() && thinkTime == null) {
      throw new IllegalArgumentException("a journey needs a thinkTime");
    }
  }

  public boolean isJourney() {
    return !journey.isEmpty();
  }

  /** The SRVs this load sends: the journey's steps or the mix's SRVs; none for alerts. */
  public List<Srv> srvs() {
    return isJourney() ? journey : mix == null ? List.of() : mix.srvs();
  }
}
