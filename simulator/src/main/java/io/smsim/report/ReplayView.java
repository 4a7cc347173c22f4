package io.smsim.report;

import io.smsim.analysis.Replications;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@code report.html} and {@code incident-review.md} show for one replay: the {@link RunResult}
 * that {@code summary.json} and the console are written from, paired with the scenario settings the
 * reports explain (process limits, reaper, failover policy, faults). The reports read numbers only
 * from here, so all outputs agree (one source of numbers).
 *
 * @param stats with {@code replay --replications N}, the statistics over all N that replications.json
 *     is written from ({@code run} is replication 0 of them); {@code null} for a single replay
 */
public record ReplayView(Scenario scenario, RunResult run, List<RegionView> regions, Replications stats) {

  public ReplayView {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(run, "run");
    regions = List.copyOf(regions);
  }

  /** Pairs each region of the run with its specification in the scenario the run was made from. */
  public static ReplayView of(Scenario scenario, RunResult run) {
    return of(scenario, run, null);
  }

  /** As {@link #of(Scenario, RunResult)}, with the statistics of the replications {@code run} is the first of. */
  public static ReplayView of(Scenario scenario, RunResult run, Replications stats) {
    List<RegionView> regions = new ArrayList<>();
    for (RegionResult r : run.regions()) {
      var spec = scenario.regions().get(r.region());
      if (spec == null) {
        throw new IllegalArgumentException("region " + r.region().key() + " of the run is not in scenario "
            + scenario.name());
      }
      regions.add(new RegionView(r, spec));
    }
    return new ReplayView(scenario, run, regions, stats);
  }

  public ZoneId zone() {
    return ZoneId.of(run.timeZone());
  }

  /** Replications run (a plain replay is one; the charts and incidents are always replication 0's). */
  public int replications() {
    return stats == null ? 1 : stats.replications();
  }

  /** Regions with no incident and no failed request, in run order. */
  public List<RegionView> unaffected() {
    return regions.stream().filter(RegionView::unaffected).toList();
  }

  /** Regions with at least one incident. */
  public List<RegionView> affected() {
    return regions.stream().filter(r -> !r.result().incidents().isEmpty()).toList();
  }

  /** All incidents of all regions, by start time. */
  public List<RegionView.RegionIncident> incidents() {
    List<RegionView.RegionIncident> all = new ArrayList<>();
    for (RegionView r : regions) {
      List<io.smsim.metrics.Incident> list = r.result().incidents();
      for (int i = 0; i < list.size(); i++) {
        all.add(new RegionView.RegionIncident(r, i, list.get(i)));
      }
    }
    all.sort(java.util.Comparator.comparing(ri -> ri.incident().start()));
    return all;
  }

  /**
   * The incident a review is about: the one with the most failed requests, the earliest of equals
   * (empty when the run had none).
   */
  public java.util.Optional<RegionView.RegionIncident> major() {
    return incidents().stream().reduce((a, b) -> b.incident().requestsFailed() > a.incident().requestsFailed() ? b : a);
  }

  /** The most damaging incident of one region (as {@link #major()}). */
  public java.util.Optional<RegionView.RegionIncident> major(RegionView region) {
    return incidents().stream().filter(ri -> ri.region() == region)
        .reduce((a, b) -> b.incident().requestsFailed() > a.incident().requestsFailed() ? b : a);
  }

  /** Local civil time of {@code t} as a chart coordinate: epoch milliseconds of the local wall clock read as UTC. */
  long localMillis(Instant t) {
    return t.toEpochMilli() + zone().getRules().getOffset(t).getTotalSeconds() * 1000L;
  }
}
