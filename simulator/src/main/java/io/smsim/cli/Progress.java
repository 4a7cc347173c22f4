package io.smsim.cli;

import io.smsim.engine.Simulation;
import io.smsim.model.Times;
import io.smsim.scenario.Scenario;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of one simulation run on stderr ({@link ProgressOutput}): percent of virtual time, the
 * virtual clock, events, wall time and ETA (wall time so far × the share of virtual time left over
 * the share done: the rate so far, extrapolated).
 */
final class Progress implements Simulation.ProgressListener {

  private final Scenario scenario;
  private final ProgressOutput out;

  Progress(Scenario scenario, ProgressOutput out) {
    this.scenario = scenario;
    this.out = out;
  }

  static Progress forRun(Scenario scenario, boolean quiet, PrintWriter err) {
    return new Progress(scenario, ProgressOutput.on(err, quiet));
  }

  @Override
  public void onProgress(long nowNanos, long eventsProcessed) {
    double done = (double) nowNanos / scenario.durationNanos();
    out.update(done, () -> {
      double pct = 100 * done;
      return String.format(Locale.ROOT, "[%-20s] %5.1f%%  virtual %s  %,d events", "#".repeat((int) (pct / 5)), pct,
          Times.human(scenario.timebase().instantOf(nowNanos), scenario.zone()), eventsProcessed);
    });
  }

  void done() {
    out.done();
  }
}
