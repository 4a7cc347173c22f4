package io.smsim.cli;

import io.smsim.analysis.ReplicationRunner;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A progress line on stderr for batches of runs (compare, sweep, check, replay --replications):
 * runs done of total and wall time, only on an interactive console and after two seconds. Called
 * from worker threads.
 */
final class RunsProgress implements ReplicationRunner.Listener {

  private static final long SHOW_AFTER_NANOS = 2_000_000_000L;

  private final PrintStream err;
  private final String what;
  private final long startWall = System.nanoTime();
  private boolean shown;

  RunsProgress(String what, boolean quiet) {
    this.what = what;
    this.err = quiet || System.console() == null ? null : System.err;
  }

  @Override
  public synchronized void onRunDone(int done, int total) {
    if (err == null) {
      return;
    }
    long wall = System.nanoTime() - startWall;
    if (wall < SHOW_AFTER_NANOS) {
      return;
    }
    shown = true;
    err.printf(Locale.ROOT, "\r%s: %d/%d runs  %.1f s ", what, done, total, wall / 1e9);
    err.flush();
  }

  synchronized void done() {
    if (shown) {
      err.print("\r" + " ".repeat(60) + "\r");
      err.flush();
    }
  }
}
