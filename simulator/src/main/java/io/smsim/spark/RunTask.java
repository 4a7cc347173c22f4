package io.smsim.spark;

import io.smsim.analysis.Runner;
import io.smsim.analysis.Tasks;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioOrigin;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.function.Function;

/**
 * One Spark task: task index → (index, what the study keeps of that run). The closure carries the
 * points as recipes ({@link ScenarioOrigin}: the scenario file's text, the variant, the overrides),
 * never the bound scenarios, and the files they read travel as {@link ShippedInputs}; so an executor
 * needs no shared filesystem: it binds the point from the text, as the driver did, reading the
 * shipped copies of its traces, and runs {@link Tasks#run}. A run depends only on (scenario, seed,
 * replication), so Spark may run a task again (after a failure, or speculatively) and get the same
 * result.
 */
final class RunTask<T extends Serializable> implements Function<Integer, RunTask.Indexed<T>> {

  @Serial
  private static final long serialVersionUID = 1L;

  /** A task's result, with the task index the driver stores it under. */
  record Indexed<T extends Serializable>(int index, T value) implements Serializable {
  }

  private final List<ScenarioOrigin> points;
  private final ShippedInputs inputs;
  private final long seed;
  private final int replications;
  private final Runner.Keep<T> keep;

  RunTask(List<ScenarioOrigin> points, ShippedInputs inputs, long seed, int replications, Runner.Keep<T> keep) {
    this.points = List.copyOf(points);
    this.inputs = inputs;
    this.seed = seed;
    this.replications = replications;
    this.keep = keep;
  }

  @Override
  public Indexed<T> call(Integer index) {
    int p = index / replications;
    ScenarioOrigin origin = points.get(p);
    Scenario scenario = origin.bind(origin.bundle().open(inputs.resolver(origin.bundle())));
    return new Indexed<>(index, Tasks.run(scenario, p, seed, index % replications, keep));
  }
}
