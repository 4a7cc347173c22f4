package io.smsim.cli;

import io.smsim.analysis.Runner;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for batches of runs (compare, sweep, check, replay --replications):
 * runs done of total, wall time and the time left at the rate so far, only on an interactive
 * console and after two seconds. Called from worker threads (or Spark's listener bus).
 */
final class RunsProgress implements Runner.Listener {

  private static final long SHOW_AFTER_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final String what;
  private final long startWall = System.nanoTime();
  private boolean shown;
  private boolean finished;

  RunsProgress(String what, boolean quiet) {
    this.what = what;
    this.err = quiet || System.console() == null ? null : System.err;
  }

  @Override
  public synchronized void onRunDone(int done, int total) {
    if (err == null || finished) {
      return; // a listener bus may report after the study returned
    }
    long wall = System.nanoTime() - startWall;
    if (wall < SHOW_AFTER_NANOS) {
      return;
    }
    shown = true;
    double left = wall / 1e9 * (total - done) / Math.max(1, done);
    err.printf(Locale.ROOT, "\r%s: %d/%d runs  %.1f s  ETA %.0f s ", what, done, total, wall / 1e9, left);
    err.flush();
  }

  synchronized void done() {
    finished = true;
    if (shown) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
