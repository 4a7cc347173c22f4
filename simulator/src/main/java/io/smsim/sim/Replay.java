package io.smsim.sim;

import io.smsim.engine.Simulation;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.model.GatewayScheduler;
import io.smsim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one replication of a scenario in virtual time. Deterministic: the result depends only on
 * the scenario, the seed and the replication index (replication r draws from substream r).
 */
public final class Replay {

  private Replay() {
  }

  /** Runs replication {@code replication} of the scenario with the seed; {@code progress} may be null. */
  public static RunResult run(Scenario scenario, long seed, int replication, Simulation.ProgressListener progress) {
    ReplayModel model = new ReplayModel(scenario, seed, replication);
    model.run(progress);
    return result(model, seed, replication);
  }

  private static RunResult result(ReplayModel m, long seed, int replication) {
    Scenario s = m.scenario;
    long end = s.durationNanos();
    List<RegionResult> regions = new ArrayList<>();
    for (Cluster c : m.clusters) {
      if (c == null) {
        continue;
      }
      int peak = 0;
      long leaked = 0;
      long reaped = 0;
      for (GatewayScheduler g : c.servers) {
        peak = Math.max(peak, g.peakProcesses());
        leaked += g.leakedTotal();
        reaped += g.reapedTotal();
      }
      regions.add(m.recorder.regionResult(c.index, m.openRequests(c.index), m.journeys.live(c.index), peak,
          leaked, reaped, c.spec.failover().key(), c.failover.active().key(), end));
    }
    return new RunResult(s.name(), s.variant(), s.source(), seed, replication, s.start(), s.end(), s.zone().getId(),
        m.sim.eventsProcessed(), 0, s.reporting().intervalNanos() / 60_000_000_000L, regions,
        m.recorder.rows());
  }
}
