package io.smsim.metrics;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of one replication: what {@code summary.json}, {@code timeline.csv}, the console and
 * the reports are written from (one source of numbers).
 *
 * @param events simulation events processed
 * @param variant the scenario file's variant that was run, or {@code null} for the scenario as written
 * @param wallSeconds wall-clock time of the run (not deterministic; excluded from comparisons)
 */
public record RunResult(String scenario, String variant, String source, long seed, int replication,
    Instant virtualStart, Instant virtualEnd, String timeZone, long events, double wallSeconds, long intervalMinutes,
    List<RegionResult> regions, List<IntervalRow> timeline)
    implements Serializable {

  public RunResult {
    regions = List.copyOf(regions);
    timeline = List.copyOf(timeline);
  }

  /** "scenario" or "scenario · variant V": how the console and the reports name the run. */
  public String title() {
    return variant == null ? scenario : scenario + " · variant " + variant;
  }

  /** Service requests simulated, all regions. */
  public long totalRequests() {
    return regions.stream().mapToLong(r -> r.requests().total()).sum();
  }

  /** Device alerts simulated, all regions. */
  public long totalAlerts() {
    return regions.stream().mapToLong(r -> r.alerts().total()).sum();
  }

  public RunResult withWallSeconds(double seconds) {
    return new RunResult(scenario, variant, source, seed, replication, virtualStart, virtualEnd, timeZone, events, seconds,
        intervalMinutes, regions, timeline);
  }
}
