package io.smsim.bench;

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
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.BinaryTree;
import umontreal.ssj.simevents.eventlist.EventList;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.simevents.eventlist.RedblackTree;
import umontreal.ssj.simevents.eventlist.SplayTree;

/**
 * The same hold model as {@link HoldModelBenchmark}, on SSJ 3.3.2's simulator and event lists —
 * the peer engine. Events are reused (each event reschedules itself), so SSJ allocates nothing per
 * event either: a like-for-like comparison. SSJ's DoublyLinked list is left out: it is O(n) per
 * insertion and needs minutes at 100,000 pending events.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SsjHoldModelBenchmark {

  @Param({"1000", "100000", "1000000"})
  int pending;

  @Param({"BinaryTree", "SplayTree", "RedblackTree", "Henriksen"})
  String eventList;

  private Simulator sim;
  private long fired;
  private long target;
  private java.util.SplittableRandom random;

  final class Hold extends Event {
    Hold(Simulator s) {
      super(s);
    }

    @Override
    public void actions() {
      schedule(-Math.log(1 - random.nextDouble()));
      if (++fired == target) {
        simulator().stop();
      }
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    EventList list = switch (eventList) {
      case "BinaryTree" -> new BinaryTree();
      case "SplayTree" -> new SplayTree();
      case "RedblackTree" -> new RedblackTree();
      case "Henriksen" -> new Henriksen();
      default -> throw new IllegalArgumentException(eventList);
    };
    sim = new Simulator(list);
    sim.init();
    random = new java.util.SplittableRandom(1);
    for (int i = 0; i < pending; i++) {
      new Hold(sim).schedule(-Math.log(1 - random.nextDouble()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(HoldModelBenchmark.OPS)
  public long ssj() {
    target = fired + HoldModelBenchmark.OPS;
    sim.start();
    return fired;
  }
}
