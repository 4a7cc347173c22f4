package io.smsim.bench;

import io.smsim.engine.EventQueue;
import io.smsim.engine.RandomStream;
import io.smsim.engine.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The classic hold model (Jones, "An empirical comparison of priority-queue and event-set
 * implementations", CACM 1986): with {@code pending} events queued, repeatedly pop the earliest
 * and schedule one at now + Exp(1). Measures events per second of smsim's kernel
 * ({@link Simulation} over {@link EventQueue}) against a bare primitive binary heap that does the
 * least possible work: the floor any engine has to beat.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HoldModelBenchmark {

  static final int OPS = 100_000;
  static final double MEAN_NANOS = 1_000_000;

  @Param({"1000", "100000", "1000000"})
  int pending;

  private Simulation sim;
  private RandomStream random;
  private BareBinaryHeap bare;
  private EventQueue rawQueue;

  @Setup(Level.Trial)
  public void setUp() {
    random = new RandomStream(1);
    sim = new Simulation(new EventQueue(pending * 2));
    sim.setHandler(new Hold(sim, random));
    for (int i = 0; i < pending; i++) {
      sim.scheduleAt((long) random.nextExponential(MEAN_NANOS), 1, i, 0);
    }
    rawQueue = new EventQueue(pending * 2);
    RandomStream r3 = new RandomStream(1);
    for (int i = 0; i < pending; i++) {
      rawQueue.add((long) r3.nextExponential(MEAN_NANOS), 1, i, 0);
    }
    bare = new BareBinaryHeap(pending * 2);
    RandomStream r2 = new RandomStream(1);
    for (int i = 0; i < pending; i++) {
      bare.push((long) r2.nextExponential(MEAN_NANOS));
    }
  }

  /** The model of the hold benchmark: every event schedules its successor at now + Exp(mean). */
  static final class Hold implements io.smsim.engine.EventHandler {
    private final Simulation sim;
    private final RandomStream random;

    Hold(Simulation sim, RandomStream random) {
      this.sim = sim;
      this.random = random;
    }

    @Override
    public void onEvent(int type, int entity, long arg) {
      sim.scheduleIn((long) random.nextExponential(MEAN_NANOS), type, entity, arg);
    }
  }

  /** smsim's kernel: run exactly OPS events through the handler. */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public long smsimKernel() {
    return sim.step(OPS);
  }

  /** smsim's event queue alone, without the kernel's dispatch. */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public long smsimQueue() {
    EventQueue q = rawQueue;
    RandomStream r = random;
    long now = 0;
    for (int i = 0; i < OPS; i++) {
      q.poll();
      now = q.polledTime();
      q.add(now + (long) r.nextExponential(MEAN_NANOS), 1, q.polledEntity(), 0);
    }
    return now;
  }

  /** A bare binary heap of longs: pop the minimum, push now + Exp(1). No payloads, no tie-breaking. */
  @Benchmark
  @OperationsPerInvocation(OPS)
  public long bareBinaryHeap() {
    BareBinaryHeap h = bare;
    RandomStream r = random;
    long now = 0;
    for (int i = 0; i < OPS; i++) {
      now = h.pop();
      h.push(now + (long) r.nextExponential(MEAN_NANOS));
    }
    return now;
  }
}
