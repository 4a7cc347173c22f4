package io.smsim.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * {@code smsim failover-bench --target URL --fault-cmd CMD}: the failover of the user's own system.
 * For each rate and repeat, drives constant open-model DUIS load at the target ({@link LoadRun}, final
 * responses to the callback receiver), runs the user's fault command at {@code --fault-at} and the
 * restore command at {@code --restore-at} (each logged with its exit status and output, its times on
 * the load's clock), and measures the event from the client's side ({@link ExternalMeasures}).
 * Nothing about the system is known beyond its answers: a response header that names the server
 * ({@code --server-header}) adds detection, switchover and fail-back.
 */
public final class ExternalBench {

  /**
   * What to run.
   *
   * @param faultAtNanos when the fault command starts, after the load's start
   * @param restoreAtNanos when the restore command starts, or -1 for none
   * @param restore the restore command, or {@code null}
   * @param serverHeader the response header naming the server that answered, or {@code null}
   */
  public record Plan(URI target, List<Double> rates, int repeats, long durationNanos, long faultAtNanos,
      long restoreAtNanos, BenchCommand fault, BenchCommand restore, String serverHeader, int connections,
      int threads, long responseTimeoutNanos, long graceNanos, boolean ackOnly, RecoveryCriteria recovery, long seed,
      List<Slo.Clause> slo) {

    public Plan {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(fault, "--fault-cmd");
      rates = List.copyOf(rates);
      slo = List.copyOf(slo);
      if (rates.isEmpty()) {
        throw new IllegalArgumentException("--rates needs at least one value");
      }
      for (double r : rates) {
        Pacing.checkRate(r, "--rates: each rate");
      }
      FailoverBench.checkRepeats(repeats);
      if (faultAtNanos < 2_000_000_000L || faultAtNanos >= durationNanos) {
        throw new IllegalArgumentException("--fault-at must be at least 2s (the baseline is measured before it) "
            + "and before the end of --duration: " + faultAtNanos / 1e9 + " s");
      }
      if ((restore == null) != (restoreAtNanos < 0)) {
        throw new IllegalArgumentException("--restore-cmd and --restore-at go together");
      }
      if (restore != null && (restoreAtNanos <= faultAtNanos || restoreAtNanos >= durationNanos)) {
        throw new IllegalArgumentException("--restore-at must fall after --fault-at and within --duration: "
            + restoreAtNanos / 1e9 + " s");
      }
      Objects.requireNonNull(recovery, "recovery");
      // the load's own checks (http URL, connections, timeouts, header name), before any run
      LoadOptions.defaults(target, new Pacing.Constant(rates.get(0))).withDuration(durationNanos)
          .withConnections(connections, threads).withTimeouts(responseTimeoutNanos, graceNanos)
          .withServerHeader(serverHeader);
    }

    /** The load options of one run. */
    LoadOptions load(double rate, int run) {
      LoadOptions defaults = LoadOptions.defaults(target, new Pacing.Constant(rate));
      return defaults.withDuration(durationNanos).withConnections(connections, threads)
          .withTimeouts(responseTimeoutNanos, graceNanos).withAckOnly(ackOnly).withServerHeader(serverHeader)
          .withIdentity(LoadOptions.DEFAULT_ORIGINATOR, defaults.counterBase() + ((long) run << 36), seed + run);
    }
  }

  /** One rate × repeat: the load run, the commands as they ran, and the measures. */
  public record Outcome(double rate, int repeat, LoadResult load, List<BenchCommand.Run> commands,
      ExternalMeasures measures, List<Slo.Verdict> slo, Path dir) {

    /** The fault command's run. */
    public BenchCommand.Run fault() {
      return commands.get(0);
    }

    /** Every command ran and exited 0, every request has its one outcome, and every objective was met. */
    public boolean passed() {
      return commands.stream().allMatch(BenchCommand.Run::ok) && measures.exact(load)
          && slo.stream().allMatch(Slo.Verdict::met);
    }
  }

  private ExternalBench() {
  }

  /**
   * Runs every rate × repeat, writing each run's files under {@code out/<rate>-<repeat>/}.
   *
   * @param receiver where the system POSTs final responses ({@code null} with ack-only)
   */
  public static List<Outcome> run(Plan plan, Traffic traffic, CallbackReceiver receiver, Path out,
      Consumer<String> log) throws InterruptedException {
    List<Outcome> outcomes = new ArrayList<>();
    int run = 0;
    for (double rate : plan.rates()) {
      for (int repeat = 1; repeat <= plan.repeats(); repeat++) {
        Path dir = out.resolve(Format.number(rate) + "-" + repeat);
        log.accept(String.format(Locale.ROOT, "failover-bench: %s at %s/s, run %d of %d: fault at %s%s ...",
            plan.target(), Format.number(rate), repeat, plan.repeats(), Format.seconds(plan.faultAtNanos() / 1e9),
            plan.restore() == null ? "" : ", restore at " + Format.seconds(plan.restoreAtNanos() / 1e9)));
        Outcome o = runOne(plan, traffic, receiver, rate, repeat, run++, dir);
        for (BenchCommand.Run c : o.commands()) {
          log.accept("  " + c.line());
        }
        outcomes.add(o);
      }
    }
    return outcomes;
  }

  private static Outcome runOne(Plan plan, Traffic traffic, CallbackReceiver receiver, double rate, int repeat,
      int run, Path dir) throws InterruptedException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "smsim-bench-command");
      t.setDaemon(true);
      return t;
    });
    try {
      List<ScheduledFuture<BenchCommand.Run>> scheduled = new ArrayList<>();
      Path hlog = dir.resolve(LoadOutputs.HLOG);
      LoadResult result = LoadRun.run(plan.load(rate, run), traffic, plan.ackOnly() ? null : receiver, hlog, null,
          control -> {
            long t0 = control.startNanos();
            scheduled.add(at(timer, t0, plan.faultAtNanos(), plan.fault(), dir));
            if (plan.restore() != null) {
              scheduled.add(at(timer, t0, plan.restoreAtNanos(), plan.restore(), dir));
            }
          });
      List<BenchCommand.Run> commands = new ArrayList<>();
      for (ScheduledFuture<BenchCommand.Run> f : scheduled) {
        commands.add(await(f));
      }
      double restoreAt = commands.size() > 1 ? commands.get(1).startSeconds() : Double.NaN;
      ExternalMeasures m = ExternalMeasures.of(result, commands.get(0).startSeconds(), restoreAt, plan.recovery(),
          hlog);
      LoadOutputs.write(dir, result, List.of(), false);
      return new Outcome(rate, repeat, result, List.copyOf(commands), m, FailoverSlo.evaluate(plan.slo(), result, m),
          dir);
    } finally {
      timer.shutdownNow();
    }
  }

  /** The measures summed up across repeats, per rate ({@link RepeatSummary}). */
  public static List<RepeatSummary> summaries(List<Outcome> outcomes) {
    return RepeatSummary.of(outcomes, o -> Format.number(o.rate()), MEASURES);
  }

  /** What the summary across repeats shows, in this order. */
  private static final List<RepeatSummary.Measure<Outcome>> MEASURES = List.of(
      new RepeatSummary.Measure<>("onset", "s", o -> o.measures().onset()),
      new RepeatSummary.Measure<>("detection", "s", o -> o.measures().detection()),
      new RepeatSummary.Measure<>("switchover", "s", o -> o.measures().switchover()),
      new RepeatSummary.Measure<>("recovery", "s", o -> o.measures().recovery()),
      new RepeatSummary.Measure<>("gap", "s", o -> o.measures().gap()),
      new RepeatSummary.Measure<>("failback", "s", o -> o.measures().failback()),
      new RepeatSummary.Measure<>("failed", "requests", o -> o.measures().failedInEvent()),
      new RepeatSummary.Measure<>("lost", "requests", o -> o.load().accounting().lost()));

  private static ScheduledFuture<BenchCommand.Run> at(ScheduledExecutorService timer, long t0, long offsetNanos,
      BenchCommand command, Path dir) {
    Path log = dir.resolve(command.role().label() + "-cmd.log");
    return timer.schedule(() -> command.run(t0, log), t0 + offsetNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
  }

  /** A scheduled command's run; it may still be running after the load (at most its timeout). */
  private static BenchCommand.Run await(ScheduledFuture<BenchCommand.Run> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a bench command failed to run", e.getCause());
    }
  }
}
