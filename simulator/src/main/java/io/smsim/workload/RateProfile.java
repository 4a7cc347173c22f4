package io.smsim.workload;

import java.util.Arrays;

/**
 * How a daily volume spreads over local hours and weekdays.
 *
 * <p>The rate in local hour {@code h} of weekday {@code d} (Monday = 0) is
 * {@code perDay × dayOfWeek[d] × hourOfDay[h] / Σ hourOfDay / 3600} per second, so {@code perDay}
 * is the day's total on a weekday of weight 1. A flat profile gives a constant rate.
 */
public record RateProfile(String name, double[] hourOfDay, double[] dayOfWeek) {

  public static final RateProfile FLAT = new RateProfile("flat", filled(24), filled(7));

  public RateProfile {
    hourOfDay = hourOfDay.clone();
    dayOfWeek = dayOfWeek.clone();
    if (hourOfDay.length != 24) {
      throw new IllegalArgumentException("hourOfDay needs 24 weights: " + hourOfDay.length);
    }
    if (dayOfWeek.length != 7) {
      throw new IllegalArgumentException("dayOfWeek needs 7 weights (Monday first): " + dayOfWeek.length);
    }
    double sum = 0;
    for (double w : hourOfDay) {
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("hourOfDay weights must be finite and >= 0: " + w);
      }
      sum += w;
    }
    if (!(sum > 0)) {
      throw new IllegalArgumentException("hourOfDay weights must not all be 0");
    }
    for (double w : dayOfWeek) {
      if (!(w >= 0 && Double.isFinite(w))) {
        throw new IllegalArgumentException("dayOfWeek weights must be finite and >= 0: " + w);
      }
    }
  }

  /** Share of a day's volume in local hour {@code hour} (weights normalised to sum to 1). */
  public double hourShare(int hour) {
    double sum = 0;
    for (double w : hourOfDay) {
      sum += w;
    }
    return hourOfDay[hour] / sum;
  }

  /** Arrivals per second in this local hour and weekday (Monday = 0) for a daily volume. */
  public double ratePerSecond(double perDay, int hour, int weekdayFromMonday) {
    return perDay * dayOfWeek[weekdayFromMonday] * hourShare(hour) / 3600.0;
  }

  private static double[] filled(int n) {
    double[] a = new double[n];
    Arrays.fill(a, 1);
    return a;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateProfile p && name.equals(p.name) && Arrays.equals(hourOfDay, p.hourOfDay)
        && Arrays.equals(dayOfWeek, p.dayOfWeek);
  }

  @Override
  public int hashCode() {
    return name.hashCode() * 31 + Arrays.hashCode(hourOfDay) * 17 + Arrays.hashCode(dayOfWeek);
  }

  @Override
  public String toString() {
    return "RateProfile[" + name + "]";
  }
}
