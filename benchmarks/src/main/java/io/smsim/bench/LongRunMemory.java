package io.smsim.bench;

import io.smsim.engine.Simulation;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import io.smsim.sim.Replay;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Memory of a long replay, virtual day by virtual day: each time the slowest region crosses a
 * local midnight, a full GC and the heap in use after it (the live set), with the wall time and
 * events so far; at the end the process's peak resident set (VmHWM). The live set must not grow
 * with the days simulated (simulator/ARCHITECTURE.md, "Performance principles"). Measurement only: the GCs it
 * forces cost wall time, so take run times from {@code smsim replay}, not from here.
 *
 * <pre>java -Xmx256m -cp benchmarks/target/benchmarks.jar io.smsim.bench.LongRunMemory \
 *     scenarios/national-week-2022.yaml 2 [PATH=VALUE ...]</pre>
 *
 * <p>Arguments: the scenario, region threads, then {@code --set}-style overrides.
 */
public final class LongRunMemory {

  private LongRunMemory() {
  }

  public static void main(String[] args) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(args[0]), java.util.Arrays.asList(args).subList(Math.min(2,
        args.length), args.length));
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long startWall = System.nanoTime();
    long dayNanos = 86_400_000_000_000L;
    long[] nextDay = {dayNanos};
    System.out.printf(Locale.ROOT, "%s, %d region threads, max heap %d MiB%n", scenario.name(), threads,
        Runtime.getRuntime().maxMemory() >> 20);
    System.out.println("day  virtual end           wall s   events          heap after GC MiB");
    Simulation.ProgressListener perDay = (nowNanos, events) -> {
      while (nowNanos >= nextDay[0]) {
        System.gc();
        System.out.printf(Locale.ROOT, "%3d  %s  %7.1f  %,14d  %6.1f%n", nextDay[0] / dayNanos,
            scenario.timebase().localOf(nextDay[0]).toLocalDateTime(), (System.nanoTime() - startWall) / 1e9, events,
            memory.getHeapMemoryUsage().getUsed() / 1048576.0);
        nextDay[0] += dayNanos;
      }
    };
    RunResult r = Replay.run(scenario, scenario.seed(), 0, perDay, threads);
    System.out.printf(Locale.ROOT, "events %,d, wall %.1f s (with the GCs above), peak RSS %s%n", r.events(),
        (System.nanoTime() - startWall) / 1e9, peakRss());
  }

  private static String peakRss() throws Exception {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return "unknown";
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
        .map(l -> l.substring(6).trim()).findFirst().orElse("unknown");
  }
}
