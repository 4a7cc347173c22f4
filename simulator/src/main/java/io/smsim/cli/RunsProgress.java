package io.smsim.cli;

import io.smsim.analysis.Runner;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a batch of runs (compare, sweep, check, replay --replications) on stderr
 * ({@link ProgressOutput}): runs done of total, wall time and ETA. Called from worker threads (or
 * Spark's listener bus, which may still report after the study returned: those reports are dropped).
 */
final class RunsProgress implements Runner.Listener {

  private final String what;
  private final ProgressOutput out;
  private volatile boolean finished;

  RunsProgress(String what, ProgressOutput out) {
    this.what = what;
    this.out = out;
  }

  RunsProgress(String what, boolean quiet, PrintWriter err) {
    this(what, ProgressOutput.on(err, quiet));
  }

  @Override
  public void onRunDone(int done, int total) {
    if (finished) {
      return;
    }
    out.update((double) done / total, () -> String.format(Locale.ROOT, "%s: %d/%d runs", what, done, total));
  }

  void done() {
    finished = true;
    out.done();
  }
}
