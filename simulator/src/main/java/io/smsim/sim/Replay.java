package io.smsim.sim;

import io.smsim.engine.Simulation;
import io.smsim.metrics.IntervalRow;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.model.GatewayScheduler;
import io.smsim.model.RegionOperations;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one replication of a scenario in virtual time. Deterministic: the result depends only on
 * the scenario, the seed and the replication index (replication r draws from substream r), never
 * on the number of threads.
 *
 * <p><b>Regions in parallel.</b> The regions are separate CSPs that share no state in the model:
 * each has its own random streams (named by region), servers, event queue and recorder
 * ({@link ReplayModel}), so each region's events and results are the same whether it runs alone,
 * before or beside the others. {@link RegionScheduler} advances them in slices of virtual time on
 * up to {@code threads} threads; the results are then joined in region order and the interval rows
 * merged by time, which is exactly what one queue holding every region produced. Hence every output
 * is byte-identical whatever the thread count.
 */
public final class Replay {

  private Replay() {
  }

  /** Runs replication {@code replication} on the calling thread; {@code progress} may be null. */
  public static RunResult run(Scenario scenario, long seed, int replication, Simulation.ProgressListener progress) {
    return run(scenario, seed, replication, progress, 1);
  }

  /**
   * Runs replication {@code replication} with its regions on up to {@code threads} threads;
   * {@code progress} (may be null) is called from those threads, one call at a time.
   */
  public static RunResult run(Scenario scenario, long seed, int replication, Simulation.ProgressListener progress,
      int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    List<ReplayModel> models = new ArrayList<>();
    try {
      for (RegionSpec spec : scenario.regions().values()) {
        ReplayModel m = new ReplayModel(scenario, spec, seed, replication);
        models.add(m);
        m.schedule();
      }
      new RegionScheduler(models, scenario.durationNanos(), progress).run(threads);
    } finally {
      for (ReplayModel m : models) {
        m.close();
      }
    }
    return result(scenario, models, seed, replication);
  }

  private static RunResult result(Scenario s, List<ReplayModel> models, long seed, int replication) {
    long end = s.durationNanos();
    List<RegionResult> regions = new ArrayList<>();
    long events = 0;
    for (ReplayModel m : models) {
      RegionOperations c = m.clusters[m.region.ordinal()];
      int peak = 0;
      long leaked = 0;
      long reaped = 0;
      for (int role = 0; role < 2; role++) {
        GatewayScheduler g = c.server(role);
        peak = Math.max(peak, g.peakProcesses());
        leaked += g.leakedTotal();
        reaped += g.reapedTotal();
      }
      int index = m.region.ordinal();
      regions.add(m.recorder.regionResult(index, m.openRequests(index), m.journeys.live(index), peak,
          leaked, reaped, c.spec().failover().key(), c.failover().active().key(), end));
      events += m.sim.eventsProcessed();
    }
    // The minute and interval ticks close every region's buckets at once: count them once, as for one queue.
    if (!models.isEmpty()) {
      events -= (models.size() - 1) * models.get(0).ops.ticks();
    }
    return new RunResult(s.name(), s.variant(), s.source(), seed, replication, s.start(), s.end(), s.zone().getId(),
        events, 0, s.reporting().intervalNanos() / 60_000_000_000L, regions, mergeRows(models));
  }

  /** The regions' interval rows by time, regions in order at each time (as one queue wrote them). */
  private static List<IntervalRow> mergeRows(List<ReplayModel> models) {
    int total = 0;
    for (ReplayModel m : models) {
      total += m.recorder.rows().size();
    }
    List<IntervalRow> rows = new ArrayList<>(total);
    int[] next = new int[models.size()];
    while (rows.size() < total) {
      int best = -1;
      for (int i = 0; i < models.size(); i++) {
        List<IntervalRow> r = models.get(i).recorder.rows();
        if (next[i] < r.size() && (best < 0
            || r.get(next[i]).start().isBefore(models.get(best).recorder.rows().get(next[best]).start()))) {
          best = i;
        }
      }
      List<IntervalRow> r = models.get(best).recorder.rows();
      java.time.Instant start = r.get(next[best]).start();
      while (next[best] < r.size() && r.get(next[best]).start().equals(start)) {
        rows.add(r.get(next[best]++));
      }
    }
    return rows;
  }
}
