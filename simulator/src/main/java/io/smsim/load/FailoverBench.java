package io.smsim.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.model.FailoverPolicy;
import io.smsim.model.Region;
import io.smsim.scenario.RegionSpec;
import io.smsim.scenario.Scenario;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * {@code smsim failover-bench}: for each failover policy and load level, starts the live emulation
 * of a scenario in-process ({@link LiveEmulator}, time compressed, the scenario's own fault timeline
 * left out), drives constant open-model load at it with final responses wired to the generator's
 * callback receiver, injects the fault through the admin API after the warm-up, restarts the
 * faulted server at a scripted time (the operator's fix in the seed incident), and measures the
 * event from the load's per-second series and the emulation's event log ({@link BenchMeasures}).
 */
public final class FailoverBench {

  /**
   * What to run.
   *
   * @param scenario the scenario (its faults and operations are dropped: the bench injects its own)
   * @param policies {@code hardware-only}, {@code health-check} (synthetic probe), or
   *     {@code health-check:liveness} / {@code :heartbeat} / {@code :synthetic}
   * @param warmupNanos load before the fault (the baseline is measured in it)
   * @param restartAfterNanos the faulted server is restarted this long after the fault (-1: never)
   * @param durationNanos load duration of each run, fault and restart included
   * @param repeats runs per policy × rate (repeat {@code k} uses seed {@code seed + k - 1}), summed up
   *     across them ({@link RepeatSummary})
   * @param slo objectives checked on every run ({@link FailoverSlo}; not {@link FailoverSlo#TARGET_ONLY})
   */
  public record Plan(Scenario scenario, List<String> policies, List<Double> rates, BenchFault fault, double timeScale,
      long warmupNanos, long restartAfterNanos, long durationNanos, int connections, int threads,
      long responseTimeoutNanos, long graceNanos, double recoverySuccessRatio, double recoveryP99Factor,
      int recoverySeconds, long seed, int repeats, List<Slo.Clause> slo) {

    public Plan {
      policies = List.copyOf(policies);
      rates = List.copyOf(rates);
      slo = List.copyOf(slo);
      checkRepeats(repeats);
      for (Slo.Clause c : slo) {
        if (FailoverSlo.TARGET_ONLY.contains(c.metric())) {
          throw new IllegalArgumentException("--slo " + c.text() + ": " + c.metric() + " is measured only against "
              + "--target (the in-process bench times the faulted region's failures, not its successes' gaps, "
              + "and restarts rather than fails back)");
        }
      }
      if (policies.isEmpty() || rates.isEmpty()) {
        throw new IllegalArgumentException("--policies and --rates need at least one value each");
      }
      for (String p : policies) {
        policy(p, new FailoverPolicy.HardwareOnly(1, 1, 0)); // validates the name
      }
      for (double r : rates) {
        Pacing.checkRate(r, "--rates: each rate");
      }
      if (!scenario.regions().containsKey(fault.region())) {
        throw new IllegalArgumentException("--fault region " + fault.region().key() + " is not in the scenario");
      }
      LiveOptions.checkTimeScale(timeScale);
      if (warmupNanos < 2_000_000_000L || warmupNanos >= durationNanos) {
        throw new IllegalArgumentException("--warmup must be at least 2s and shorter than --duration");
      }
      if (restartAfterNanos >= 0 && warmupNanos + restartAfterNanos >= durationNanos) {
        throw new IllegalArgumentException("--restart-after must fall within --duration after the warm-up");
      }
      if (!(recoverySuccessRatio > 0 && recoverySuccessRatio <= 1) || !(recoveryP99Factor >= 1)
          || recoverySeconds < 1) {
        throw new IllegalArgumentException("recovery criteria: success ratio in (0,1], p99 factor >= 1, seconds >= 1");
      }
    }
  }

  /** One policy × rate × repeat: the load run, the measures of the event and the objectives' verdicts. */
  public record Outcome(String policy, double rate, int repeat, LoadResult load, BenchMeasures measures,
      List<Slo.Verdict> slo, Path dir) {

    public Outcome {
      slo = List.copyOf(slo);
    }

    /** Every request has its one outcome and every objective was met. */
    public boolean passed() {
      return load.outcomes().balanced() && slo.stream().allMatch(Slo.Verdict::met);
    }
  }

  /** What the summary across repeats shows, in this order. */
  private static final List<RepeatSummary.Measure<Outcome>> MEASURES = List.of(
      new RepeatSummary.Measure<>("onset", "s", o -> o.measures().onset()),
      new RepeatSummary.Measure<>("detect", "s", o -> o.measures().detect()),
      new RepeatSummary.Measure<>("switchover", "s", o -> o.measures().switchover()),
      new RepeatSummary.Measure<>("recovery", "s", o -> o.measures().recovery()),
      new RepeatSummary.Measure<>("failed", "requests", o -> o.measures().failedInEvent()),
      new RepeatSummary.Measure<>("lost", "requests", o -> o.measures().lost()),
      new RepeatSummary.Measure<>("duplicated", "requests", o -> o.measures().duplicated()));

  /** {@code --repeats} of either bench: 1 to 1000. */
  static void checkRepeats(int repeats) {
    if (repeats < 1 || repeats > 1000) {
      throw new IllegalArgumentException("--repeats must be in [1, 1000]: " + repeats);
    }
  }

  /** The measures summed up across repeats, per policy × rate. */
  public static List<RepeatSummary> summaries(List<Outcome> outcomes) {
    return RepeatSummary.of(outcomes, o -> o.policy() + " " + Format.number(o.rate()), MEASURES);
  }

  private FailoverBench() {
  }

  /**
   * Runs every policy × rate × repeat, writing each run's files under {@code out/<policy>-<rate>/}
   * ({@code out/<policy>-<rate>-<repeat>/} with more than one repeat).
   */
  public static List<Outcome> run(Plan plan, Path out, Consumer<String> log) throws InterruptedException, IOException {
    return run(plan, out, log, null);
  }

  /**
   * As {@link #run(Plan, Path, Consumer)}, with each run's phases (fault injected, restart) on
   * {@code log} and its per-second load line on {@code progress} (or none, when null).
   */
  public static List<Outcome> run(Plan plan, Path out, Consumer<String> log, Consumer<String> progress)
      throws InterruptedException, IOException {
    List<Outcome> outcomes = new ArrayList<>();
    for (String policy : plan.policies()) {
      for (double rate : plan.rates()) {
        for (int repeat = 1; repeat <= plan.repeats(); repeat++) {
          String name = policy.replace(':', '-') + "-" + Format.number(rate);
          Path dir = out.resolve(plan.repeats() == 1 ? name : name + "-" + repeat);
          Files.createDirectories(dir);
          log.accept(String.format(Locale.ROOT, "failover-bench: %s at %s/s%s, %s at %s ...", policy,
              Format.number(rate), plan.repeats() == 1 ? "" : ", run " + repeat + " of " + plan.repeats(),
              plan.fault().describe(), Format.seconds(plan.warmupNanos() / 1e9)));
          String tag = "  " + policy + " " + Format.number(rate) + "/s" + (plan.repeats() == 1 ? "" : " #" + repeat);
          outcomes.add(runOne(plan, policy, rate, repeat, dir, line -> log.accept(tag + ": " + line),
              progress == null ? null : line -> progress.accept(tag + line)));
        }
      }
    }
    return outcomes;
  }

  private static Outcome runOne(Plan plan, String policy, double rate, int repeat, Path dir, Consumer<String> log,
      Consumer<String> progress) throws InterruptedException, IOException {
    Scenario scenario = withPolicy(plan.scenario(), policy);
    long seed = plan.seed() + repeat - 1;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      LiveOptions live = LiveOptions.defaults(seed).withPorts(0, 0).withResponseUrl(receiver.url())
          .withTimeScale(plan.timeScale());
      LiveEmulator emulator = LiveEmulator.start(scenario, live, line -> { });
      try {
        AdminClient admin = new AdminClient(emulator.adminPort());
        Drill drill = new Drill(plan, admin, timer, log);
        LoadResult result = LoadRun.run(loadOptions(plan, rate, seed, emulator.dspPort()),
            Traffic.fromScenario(scenario, Set.of(), null), receiver, dir.resolve(LoadOutputs.HLOG), progress,
            drill::start);
        drill.check();
        long nowReal = System.nanoTime();
        long nowVirtual = emulator.clock().nowVirtualNanos();
        JsonNode status = admin.status();
        BenchMeasures m = Measure.of(plan, scenario, result, drill, status, at -> nowReal
            - (long) ((nowVirtual - scenario.timebase().nanosOf(at)) / plan.timeScale()),
            dir.resolve(LoadOutputs.HLOG));
        LoadOutputs.write(dir, result, List.of(), false);
        return new Outcome(policy, rate, repeat, result, m, FailoverSlo.evaluate(plan.slo(), result, m), dir);
      } finally {
        emulator.close();
      }
    } finally {
      timer.shutdownNow();
    }
  }

  private static LoadOptions loadOptions(Plan plan, double rate, long seed, int dspPort) {
    LoadOptions defaults = LoadOptions.defaults(URI.create("http://127.0.0.1:" + dspPort), new Pacing.Constant(rate));
    return defaults.withDuration(plan.durationNanos()).withConnections(plan.connections(), plan.threads())
        .withTimeouts(plan.responseTimeoutNanos(), plan.graceNanos())
        .withIdentity(LoadOptions.DEFAULT_ORIGINATOR, defaults.counterBase(), seed);
  }

  /** The scenario with {@code policy} in every region (same interval, threshold and switchover), no faults or operations. */
  static Scenario withPolicy(Scenario s, String policy) {
    Map<Region, RegionSpec> regions = new EnumMap<>(Region.class);
    for (RegionSpec r : s.regions().values()) {
      regions.put(r.region(), new RegionSpec(r.region(), r.gateway(), policy(policy, r.failover()), r.reaper(),
          r.monitoring(), r.operator(), r.brokerRtt(), r.workload()));
    }
    return new Scenario(s.name(), s.description(), s.source(), s.seed(), s.start(), s.end(), s.zone(),
        s.workloadScale(), s.reporting(), regions, List.of(), List.of(), s.devices(), s.variant(),
        null); // changed after binding: no longer what its file binds
  }

  static FailoverPolicy policy(String name, FailoverPolicy base) {
    long interval = base.intervalNanos();
    int threshold = base.failureThreshold();
    long switchover = base.switchoverNanos();
    return switch (name) {
      case "hardware-only" -> new FailoverPolicy.HardwareOnly(interval, threshold, switchover);
      case "health-check", "health-check:synthetic" ->
          new FailoverPolicy.HealthCheck(FailoverPolicy.ProbeKind.SYNTHETIC, interval, threshold, switchover);
      case "health-check:liveness" ->
          new FailoverPolicy.HealthCheck(FailoverPolicy.ProbeKind.LIVENESS, interval, threshold, switchover);
      case "health-check:heartbeat" ->
          new FailoverPolicy.HealthCheck(FailoverPolicy.ProbeKind.HEARTBEAT, interval, threshold, switchover);
      default -> throw new IllegalArgumentException("--policies: each must be hardware-only, health-check or "
          + "health-check:liveness|heartbeat|synthetic: " + name);
    };
  }

  /** The scripted part of a run: the fault after the warm-up, then the operator's restart. */
  static final class Drill {
    private final Plan plan;
    private final AdminClient admin;
    private final ScheduledExecutorService timer;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    final AtomicLong faultNanos = new AtomicLong(Long.MIN_VALUE);
    final AtomicLong restartNanos = new AtomicLong(Long.MIN_VALUE);
    volatile long startNanos;
    private final Consumer<String> log;

    Drill(Plan plan, AdminClient admin, ScheduledExecutorService timer, Consumer<String> log) {
      this.plan = plan;
      this.admin = admin;
      this.timer = timer;
      this.log = log;
    }

    void start(LoadRun.Control c) {
      long t0 = c.startNanos();
      startNanos = t0;
      at(t0 + plan.warmupNanos(), () -> {
        faultNanos.set(System.nanoTime());
        admin.post("/admin/faults", plan.fault().adminJson());
        log.accept(plan.fault().describe() + " injected at " + Format.seconds(plan.warmupNanos() / 1e9));
      });
      if (plan.restartAfterNanos() >= 0) {
        at(t0 + plan.warmupNanos() + plan.restartAfterNanos(), () -> {
          restartNanos.set(System.nanoTime());
          admin.post("/admin/restart", plan.fault().restartJson());
          log.accept("restart of the faulted server at "
              + Format.seconds((plan.warmupNanos() + plan.restartAfterNanos()) / 1e9));
        });
      }
    }

    private void at(long nanoTime, Action action) {
      timer.schedule(() -> {
        try {
          action.run();
        } catch (Exception e) {
          failure.compareAndSet(null, e);
        }
      }, nanoTime - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    void check() throws IOException {
      Exception e = failure.get();
      if (e != null) {
        throw new IOException("failover-bench could not drive the emulation: " + e.getMessage(), e);
      }
      if (faultNanos.get() == Long.MIN_VALUE) {
        throw new IOException("failover-bench: the fault was never injected");
      }
    }

    interface Action {
      void run() throws Exception;
    }
  }

  /** Real time ({@link System#nanoTime()}) of a virtual instant of the emulation. */
  interface RealTime {
    long of(Instant at);
  }
}
