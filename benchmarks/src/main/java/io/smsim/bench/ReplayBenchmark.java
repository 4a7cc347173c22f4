package io.smsim.bench;

import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import io.smsim.sim.Replay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The full model: one replication of a scenario per invocation (default: the seed incident,
 * four virtual days, three regions). Reports simulated requests and events per second on one
 * thread ({@code requests} and {@code events} secondary results). Run from the repository root, or
 * pass {@code -p scenario=/path/to.yaml}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ReplayBenchmark {

  @Param({"scenarios/csp-north-2019-04-02.yaml"})
  String scenario;

  private Scenario loaded;
  private int replication;

  /** Simulated work per second, reported next to the replications per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Simulated {
    public long requests;
    public long events;
  }

  @Setup(Level.Trial)
  public void load() {
    Path p = Path.of(scenario);
    if (!Files.exists(p)) {
      throw new IllegalStateException("scenario not found: " + p.toAbsolutePath() + " (run from the repo root)");
    }
    loaded = ScenarioLoader.load(p);
  }

  @Benchmark
  public RunResult replay(Simulated counters) {
    RunResult r = Replay.run(loaded, loaded.seed(), replication++ % 8, null);
    counters.requests += r.totalRequests();
    counters.events += r.events();
    return r;
  }
}
