package io.smsim.live;

import io.smsim.model.Timebase;
import io.smsim.scenario.DurationGrammar;
import io.smsim.scenario.Location;
import io.smsim.scenario.Problem;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code smsim serve} may ask of a region's event loop once the time scale is applied, checked
 * before any port is opened. The replay bounds a scenario's periodic sources by the events they
 * give over the run (the scenario loader's run bounds); live, the same sources fire in real time
 * compressed by the time scale K, so a period that is harmless in a replay can become a flood: a
 * failover probe every 1 ms of virtual time is, at K = 3,600, 3.6 million real HTTP probes a
 * second. Each periodic source of a region (the failover probe every {@code failover.interval},
 * the reaper's cron job every {@code reaper.period}, and the alert rule's minute tick) may fire at
 * most {@value #MAX_PERIODIC_PER_SECOND} times a real second, that is K / period at most that.
 *
 * <p>And the virtual clock's range: virtual time is a {@code long} of nanoseconds held to
 * {@link Timebase#MAX_NANOS} (100 years) after the scenario start, so {@code --for} may last at
 * most {@code 100 years / K} of real time ({@link #horizonRealNanos}); without {@code --for}
 * serve stops by itself then.
 */
public final class LiveBounds {

  /** Events a second of real time from one periodic source of one region. */
  public static final long MAX_PERIODIC_PER_SECOND = 1_000;
  /** {@link Timebase#MAX_NANOS} in words. */
  public static final String CLOCK_RANGE = "100 years";
  private static final long MINUTE_NANOS = 60_000_000_000L;

  private LiveBounds() {
  }

  /**
   * Every periodic source of {@code scenario} that would fire more than {@value #MAX_PERIODIC_PER_SECOND}
   * times a real second at {@code timeScale}, one problem each (the scenario file and the field path,
   * or {@code --time-scale}: what it gives, the bound, what would do). Empty when it can be served.
   */
  public static List<Problem> problems(Scenario scenario, double timeScale) {
    List<Problem> problems = new ArrayList<>();
    LiveOptions.checkTimeScale(timeScale);
    double maxScaleForMinute = MAX_PERIODIC_PER_SECOND * (MINUTE_NANOS / 1e9);
    if (timeScale > maxScaleForMinute) {
      problems.add(new Problem(Location.of("--time-scale"), "", String.format(Locale.ROOT, "%s makes each "
          + "region's alert rule tick (every virtual minute) %s times a real second, more than the bound of %,d "
          + "a second per periodic source; use --time-scale at most %s", number(timeScale), number(timeScale / 60),
          MAX_PERIODIC_PER_SECOND, plain(maxScaleForMinute))));
    }
    for (RegionSpec spec : scenario.regions().values()) {
      String at = "regions." + spec.region().key() + ".";
      Location source = Location.of(scenario.source());
      check(problems, source, at + "failover.interval", "failover probes", spec.failover().intervalNanos(), timeScale);
      if (spec.reaper().periodic()) {
        check(problems, source, at + "reaper.period", "reaper runs", spec.reaper().periodNanos(), timeScale);
      }
    }
    return problems;
  }

  private static void check(List<Problem> problems, Location source, String path, String what, long periodNanos,
      double timeScale) {
    double perSecond = timeScale * 1e9 / periodNanos;
    if (perSecond > MAX_PERIODIC_PER_SECOND) {
      long leastNanos = (long) Math.ceil(timeScale * 1e9 / MAX_PERIODIC_PER_SECOND);
      problems.add(new Problem(source, path, String.format(Locale.ROOT, "%s at --time-scale %s gives %s %s a real "
          + "second, more than the bound of %,d a second per periodic source (serve would spend itself on them); "
          + "use at least %s, or --time-scale at most %s", DurationGrammar.format(periodNanos), plain(timeScale),
          number(perSecond), what, MAX_PERIODIC_PER_SECOND, DurationGrammar.format(leastNanos),
          plain(MAX_PERIODIC_PER_SECOND * periodNanos / 1e9))));
    }
  }

  /** Real nanoseconds until the virtual clock reaches the end of its range at {@code timeScale}. */
  public static long horizonRealNanos(double timeScale) {
    LiveOptions.checkTimeScale(timeScale);
    return (long) Math.min(Long.MAX_VALUE, Timebase.MAX_NANOS / timeScale);
  }

  /** An option value as it would be typed: no grouping. */
  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
        : String.format(Locale.ROOT, "%.3g", v);
  }

  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    return v >= 1000 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3g", v);
  }
}
