package io.smsim.spark;

import io.smsim.analysis.Runner;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Progress of one study on the driver: Spark's listener bus reports every task that ends; the
 * stages of this study's job (by its job group) count, and each task index counts once however
 * often Spark ran it (retries, speculation).
 */
final class RunsListener extends SparkListener {

  private static final String JOB_GROUP = "spark.jobGroup.id";

  private final String group;
  private final int total;
  private final Runner.Listener listener;
  private final Set<Integer> stages = new HashSet<>();
  private final Set<Integer> done = new HashSet<>();
  private int failedAttempts;

  RunsListener(String group, int total, Runner.Listener listener) {
    this.group = group;
    this.total = total;
    this.listener = listener;
  }

  @Override
  public synchronized void onStageSubmitted(SparkListenerStageSubmitted submitted) {
    Properties p = submitted.properties();
    if (p != null && group.equals(p.getProperty(JOB_GROUP))) {
      stages.add(submitted.stageInfo().stageId());
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    int count;
    synchronized (this) {
      if (!stages.contains(end.stageId())) {
        return;
      }
      if (!end.taskInfo().successful()) {
        failedAttempts++;
        return;
      }
      if (!done.add(end.taskInfo().index())) {
        return;
      }
      count = done.size();
    }
    if (listener != null) {
      listener.onRunDone(count, total);
    }
  }

  /** Task attempts of this study that failed (Spark ran them again). */
  synchronized int failedAttempts() {
    return failedAttempts;
  }
}
