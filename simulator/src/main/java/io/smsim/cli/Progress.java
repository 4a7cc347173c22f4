package io.smsim.cli;

import io.smsim.engine.Simulation;
import io.smsim.model.Times;
import io.smsim.scenario.Scenario;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for runs longer than two seconds: percent of virtual time, the virtual
 * clock, events and wall time. Only on an interactive console, so logs and CI stay clean. The
 * wall clock is read here, in the CLI, never in the engine.
 */
final class Progress implements Simulation.ProgressListener {

  private static final long SHOW_AFTER_NANOS = 2_000_000_000L;
  private static final long EVERY_NANOS = 250_000_000L;

  private final Scenario scenario;
  private final PrintStream err;
  private final long startWall = System.nanoTime();
  private long lastShown;
  private boolean shown;

  Progress(Scenario scenario, PrintStream err) {
    this.scenario = scenario;
    this.err = System.console() == null ? null : err;
  }

  @Override
  public void onProgress(long nowNanos, long eventsProcessed) {
    if (err == null) {
      return;
    }
    long wall = System.nanoTime();
    if (wall - startWall < SHOW_AFTER_NANOS || wall - lastShown < EVERY_NANOS) {
      return;
    }
    lastShown = wall;
    shown = true;
    double pct = 100.0 * nowNanos / scenario.durationNanos();
    int bars = (int) (pct / 5);
    err.printf(Locale.ROOT, "\r[%-20s] %5.1f%%  virtual %s  %,d events  %.1f s ", "#".repeat(bars), pct,
        Times.human(scenario.timebase().instantOf(nowNanos), scenario.zone()), eventsProcessed,
        (wall - startWall) / 1e9);
    err.flush();
  }

  void done() {
    if (shown) {
      err.print("\r" + " ".repeat(100) + "\r");
      err.flush();
    }
  }
}
