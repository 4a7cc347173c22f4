package io.smsim.analysis;

import io.smsim.metrics.RunResult;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import io.smsim.sim.Replay;
import io.smsim.workload.CategoryLoad;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The task grid every {@link Runner} shares: task {@code index = p * replications + r} is
 * replication r of point p; replication r draws from substream r of every named stream, so
 * replication r of every point sees the same random numbers (common random numbers). One task
 * is one call of {@link #run}, here or on a Spark executor.
 */
public final class Tasks {

  private Tasks() {
  }

  /** Checks a grid's size before any work starts; returns its number of tasks (none without points). */
  public static int count(List<Scenario> points, int replications) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be positive: " + replications);
    }
    long total = (long) points.size() * replications;
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("too many runs: " + points.size() + " points x " + replications);
    }
    return (int) total;
  }

  /**
   * Runs one task and keeps what {@code keep} extracts; the run handed to it carries its own
   * wall-clock time in {@code wallSeconds}.
   */
  public static <T extends Serializable> T run(Scenario scenario, int point, long seed, int replication,
      Runner.Keep<T> keep) {
    long t0 = System.nanoTime();
    RunResult run = Replay.run(scenario, seed, replication, null);
    return keep.keep(point, run.withWallSeconds((System.nanoTime() - t0) / 1e9));
  }

  /**
   * Task indices, points with the most expected requests first, ties in index order: the
   * "longest processing time" rule (Graham 1969), so a sweep's big points do not run alone at the
   * end while other workers idle. The order changes only when results arrive, never what they are.
   */
  public static List<Integer> longestFirst(List<Scenario> points, int replications) {
    double[] cost = new double[points.size()];
    for (int p = 0; p < cost.length; p++) {
      cost[p] = expectedRequests(points.get(p));
    }
    List<Integer> order = new ArrayList<>(points.size() * replications);
    for (int i = 0; i < points.size() * replications; i++) {
      order.add(i);
    }
    order.sort((a, b) -> {
      int c = Double.compare(cost[b / replications], cost[a / replications]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return order;
  }

  /** Requests the scenario's workload sends (journeys count each step): the cost estimate of a run. */
  static double expectedRequests(Scenario s) {
    double days = s.durationNanos() / 86_400e9;
    double perDay = 0;
    for (RegionSpec r : s.regions().values()) {
      for (CategoryLoad load : r.workload().values()) {
        perDay += load.perDay() * (load.isJourney() ? load.journey().size() : 1);
      }
    }
    return perDay * days;
  }

  /** Results stored by task index, as [point][replication]. */
  public static <T> List<List<T>> byPoint(Object[] results, int points, int replications) {
    List<List<T>> out = new ArrayList<>(points);
    for (int p = 0; p < points; p++) {
      List<T> reps = new ArrayList<>(replications);
      for (int r = 0; r < replications; r++) {
        @SuppressWarnings("unchecked")
        T t = (T) results[p * replications + r];
        reps.add(t);
      }
      out.add(reps);
    }
    return out;
  }
}
