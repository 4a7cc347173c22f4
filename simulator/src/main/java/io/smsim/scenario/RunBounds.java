package io.smsim.scenario;

import io.smsim.model.Region;
import io.smsim.workload.CategoryLoad;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a run may ask of the engine, checked when a scenario is bound so that a scenario that
 * validates also replays. Two kinds of bound:
 *
 * <ul>
 *   <li><b>The clock.</b> Virtual time is a {@code long} of nanoseconds: ±292 years. A run spans
 *       at most {@value #MAX_SPAN_YEARS} years and every duration is at most as long
 *       ({@link Values#durationNanos}), so that {@code now + duration} cannot overflow.</li>
 *   <li><b>The event count.</b> Memory does not grow with a run's length, but time does: each
 *       periodic source (a region's failover probe every {@code failover.interval}, its reaper's
 *       cron job every {@code reaper.period}) may give at most {@value #MAX_PERIODIC_EVENTS}
 *       events over the run, and the workload at most {@value #MAX_MESSAGES} messages (first
 *       attempts: requests, journey steps and alerts; about 2 events each). At the measured 7
 *       million events per second (README, Speed and memory) these are minutes and hours of
 *       wall time, not days.</li>
 * </ul>
 * Each refusal names the setting, the figure it gives and the bound.
 */
final class RunBounds {

  static final long MAX_SPAN_YEARS = 100;
  /** {@value #MAX_SPAN_YEARS} years of 365.25 days, in nanoseconds. */
  static final long MAX_SPAN_NANOS = io.smsim.model.Timebase.MAX_NANOS;
  static final long MAX_PERIODIC_EVENTS = 1_000_000_000L;
  static final long MAX_MESSAGES = 100_000_000_000L;
  private static final double DAY_NANOS = 86_400e9;

  private RunBounds() {
  }

  /** The run's span; a problem at {@code end} when the clock cannot hold it. */
  static boolean span(YamlNode end, long spanSeconds, Problems problems) {
    if (spanSeconds > MAX_SPAN_NANOS / 1_000_000_000L) {
      problems.add(end, String.format(Locale.ROOT, "the run would last %s; the virtual clock (nanoseconds in a "
          + "64-bit integer) holds at most %d years", years(spanSeconds), MAX_SPAN_YEARS));
      return false;
    }
    return true;
  }

  /** A region's periodic sources over {@code spanNanos}; {@code merged} is its bound YAML (defaults merged). */
  static void periodic(RegionSpec spec, YamlNode merged, long spanNanos, Problems problems) {
    periodic("failover.interval", "probes", spec.failover().intervalNanos(), merged, spanNanos, problems);
    if (spec.reaper().periodic()) {
      periodic("reaper.period", "reaper runs", spec.reaper().periodNanos(), merged, spanNanos, problems);
    }
  }

  private static void periodic(String key, String what, long periodNanos, YamlNode merged, long spanNanos,
      Problems problems) {
    double events = (double) spanNanos / periodNanos;
    if (events > MAX_PERIODIC_EVENTS) {
      YamlNode at = find(merged, key.split("\\.")).orElse(merged);
      problems.add(at, String.format(Locale.ROOT, "%s gives %s %s over the run (%s), more than the bound of %,d "
          + "events per periodic source; use at least %s", Values.describeNanos(periodNanos), sci(events), what,
          Values.describeNanos(spanNanos), MAX_PERIODIC_EVENTS,
          Values.describeNanos((long) Math.ceil((double) spanNanos / MAX_PERIODIC_EVENTS))));
    }
  }

  /** The workload's expected first attempts over the run; one problem at {@code regions} when too many. */
  static void volume(Map<Region, RegionSpec> regions, YamlNode at, long spanNanos, Problems problems) {
    double messages = 0;
    for (RegionSpec r : regions.values()) {
      for (CategoryLoad load : r.workload().values()) {
        double meanDay = 0;
        for (double w : load.profile().dayOfWeek()) {
          meanDay += w / 7;
        }
        messages += load.perDay() * meanDay * spanNanos / DAY_NANOS * Math.max(1, load.journey().size());
      }
    }
    if (messages > MAX_MESSAGES) {
      problems.add(at, String.format(Locale.ROOT, "the workload gives about %s messages over the run (%s, "
          + "workloadScale included), more than the bound of %s per run: shorten the run or lower the volume",
          sci(messages), Values.describeNanos(spanNanos), sci(MAX_MESSAGES)));
    }
  }

  private static Optional<YamlNode> find(YamlNode node, String... keys) {
    YamlNode n = node;
    for (String k : keys) {
      if (!(n instanceof YamlNode.Mapping m) || !m.entries().containsKey(k)) {
        return Optional.empty();
      }
      n = m.entries().get(k);
    }
    return Optional.of(n);
  }

  private static String sci(double v) {
    return v < 1e6 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.2g", v)
        .replace("e+0", "e").replace("e+", "e");
  }

  private static String years(long seconds) {
    return String.format(Locale.ROOT, "%,.0f years", seconds / (365.25 * 86400));
  }
}
