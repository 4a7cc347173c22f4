package io.smsim.cli;

import io.smsim.analysis.ReplicationRunner;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a batch of runs (compare, sweep, check, replay --replications) on stderr
 * ({@link ProgressOutput}): runs done of total, wall time and ETA. Called from worker threads.
 */
final class RunsProgress implements ReplicationRunner.Listener {

  private final String what;
  private final ProgressOutput out;

  RunsProgress(String what, ProgressOutput out) {
    this.what = what;
    this.out = out;
  }

  RunsProgress(String what, boolean quiet, PrintWriter err) {
    this(what, ProgressOutput.on(err, quiet));
  }

  @Override
  public void onRunDone(int done, int total) {
    out.update((double) done / total, () -> String.format(Locale.ROOT, "%s: %d/%d runs", what, done, total));
  }

  void done() {
    out.done();
  }
}
