package io.smsim.calibrate;

import io.smsim.analysis.Summary;
import io.smsim.model.Region;
import io.smsim.scenario.Fact;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Values;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code smsim calibrate}: the parameter values whose replication means best match an incident's
 * observed facts, with confidence intervals.
 *
 * <ol>
 *   <li>Every {@code --fit} range is bound at its ends before anything runs, so a bad path or value
 *       is reported at once.</li>
 *   <li>The search starts at the scenario's own values (the middle of a range that does not hold
 *       one) and minimises the weighted sum of squares of {@link Objective} on n replications at
 *       every point under common random numbers ({@link Evaluator}).</li>
 *   <li>Two stages ({@link Method}): a search of the whole box (CMA-ES for several parameters,
 *       Brent for one) with weights from the model's spread at the start, then a local refinement
 *       (BOBYQA, or Brent) from its best point with the weights estimated again there. Facts about
 *       times make narrow curved valleys (a leak that is a little likelier and lingers a little
 *       less fills the table at the same minute), where a local method alone stalls.</li>
 *   <li>The fit is rounded to four significant digits (what the calibrated scenario holds) and
 *       evaluated; central differences around it give the Jacobian, and {@link Uncertainty} the
 *       95% intervals.</li>
 * </ol>
 * Deterministic: the same scenario, facts, ranges, seed and replications give the same result
 * whatever the thread count.
 */
public final class Calibration {

  private static final Pattern REGION_PATH = Pattern.compile("regions\\.(north|central|south)\\..+");
  private static final Pattern ITEM_PATH = Pattern.compile("(faults|operations)\\[(\\d+)].+");
  /** Central differences step, as a share of each parameter's range. */
  private static final double STEP = 0.05;

  /** How to run the search. */
  public record Settings(long seed, int replications, int threads, Method method, int maxEvaluations) {
  }

  private Calibration() {
  }

  /**
   * @param progress told one line per point evaluated (for stderr), may ignore them
   * @throws IllegalArgumentException for a calibration that cannot be set up (no facts, a method
   *     that does not fit the number of parameters, a fact without spread or uncertainty)
   */
  public static CalibrationResult run(ScenarioFile file, List<FitParameter> params, Settings settings,
      Consumer<String> progress) {
    List<Fact> facts = file.observed();
    check(file, params, settings, facts);
    Set<Region> regions = regions(file, params, facts);
    Evaluator ev = new Evaluator(file, params, facts, regions, settings.seed(), settings.replications(),
        settings.threads());
    double[] start = start(file, params);
    bindEnds(ev, params, start);
    long t0 = System.nanoTime();
    List<CalibrationResult.Step> steps = new ArrayList<>();
    Evaluation e0 = ev.evaluate(start);
    Objective w0 = Objective.weighted(facts, e0, null);
    double startObjective = w0.value(e0);
    steps.add(new CalibrationResult.Step(e0.index(), 0, start, startObjective));
    progress.accept(line(params, e0, 0, startObjective, startObjective, t0));

    Optimisers.Best b1 = Optimisers.minimise(settings.method().explore(), x -> point(ev, params, w0, x, 1, steps,
        progress, t0), positions(params, start), settings.method().explore() == Method.CMAES ? 0.3 : 0.2,
        settings.maxEvaluations(), settings.seed());
    Evaluation e1 = ev.evaluate(values(params, b1.x()));
    Objective w1 = Objective.weighted(facts, e1, w0);
    Optimisers.Best b2 = Optimisers.minimise(settings.method().refine(), x -> point(ev, params, w1, x, 2, steps,
        progress, t0), b1.x(), 0.05, settings.maxEvaluations(), settings.seed() + 1);

    double[] fitted = values(params, b2.x());
    for (int j = 0; j < fitted.length; j++) {
      fitted[j] = params.get(j).rounded(fitted[j]);
    }
    Evaluation ef = evaluate(ev, params, w1, fitted, 3, steps, progress, t0);
    double[] se = Uncertainty.standardErrors(jacobian(ev, params, w1, fitted, steps, progress, t0), variances(w1, facts),
        ef.factValues(), facts.stream().mapToDouble(Fact::uncertainty).toArray());
    for (int j = 0; j < se.length; j++) {
      se[j] *= params.get(j).high() - params.get(j).low(); // from x units to the parameter's
    }
    List<CalibrationResult.Fitted> out = new ArrayList<>();
    for (int j = 0; j < params.size(); j++) {
      FitParameter p = params.get(j);
      double lo = fitted[j] - Uncertainty.Z95 * se[j];
      double hi = fitted[j] + Uncertainty.Z95 * se[j];
      boolean cut = Double.isFinite(se[j]) && (lo < p.low() || hi > p.high());
      out.add(new CalibrationResult.Fitted(p, start[j], fitted[j], se[j], Double.isFinite(se[j]) ? Math.max(lo, p.low())
          : Double.NaN, Double.isFinite(se[j]) ? Math.min(hi, p.high()) : Double.NaN, cut));
    }
    List<CalibrationResult.FactFit> fits = new ArrayList<>();
    for (int i = 0; i < facts.size(); i++) {
      Summary s = ef.stat(i);
      double sd = Math.sqrt(w1.variance(i));
      fits.add(new CalibrationResult.FactFit(facts.get(i), s, sd, (s.mean() - facts.get(i).value()) / sd));
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    return new CalibrationResult(file.scenario().name(), file.source(), settings.seed(), settings.replications(),
        settings.method(), file.scenario().zone(), List.copyOf(regions), out, fits, startObjective, w1.value(ef), steps, wall,
        settings.threads());
  }

  private static void check(ScenarioFile file, List<FitParameter> params, Settings settings, List<Fact> facts) {
    if (facts.isEmpty()) {
      throw new IllegalArgumentException(file.source() + " has no observed: facts to fit (see README, \"Replay your "
          + "own outage\")");
    }
    if (params.isEmpty()) {
      throw new IllegalArgumentException("give at least one --fit PATH=LOW..HIGH");
    }
    Set<String> paths = new HashSet<>();
    for (FitParameter p : params) {
      if (!paths.add(p.path())) {
        throw new IllegalArgumentException("--fit " + p.path() + " is given twice");
      }
    }
    if (settings.method() == Method.BRENT && params.size() != 1) {
      throw new IllegalArgumentException("--method brent fits one parameter; use bobyqa or cmaes for "
          + params.size());
    }
    if ((settings.method() == Method.BOBYQA || settings.method() == Method.CMAES_BOBYQA) && params.size() < 2) {
      throw new IllegalArgumentException("--method " + settings.method().key() + " needs two parameters or more; "
          + "use brent for one");
    }
  }

  /** The regions the facts and parameters concern; all when one of them concerns the whole scenario. */
  static Set<Region> regions(ScenarioFile file, List<FitParameter> params, List<Fact> facts) {
    Set<Region> all = file.scenario().regions().keySet();
    Set<Region> need = EnumSet.noneOf(Region.class);
    for (Fact f : facts) {
      if (f.metric().region() == null) {
        return all;
      }
      need.add(f.metric().region());
    }
    for (FitParameter p : params) {
      Matcher r = REGION_PATH.matcher(p.path());
      Matcher item = ITEM_PATH.matcher(p.path());
      if (r.matches()) {
        need.add(Region.ofKey(r.group(1)));
      } else if (item.matches()) {
        int i = Integer.parseInt(item.group(2));
        var list = item.group(1).equals("faults") ? file.scenario().faults().stream().map(f -> f.region()).toList()
            : file.scenario().operations().stream().map(o -> o.region()).toList();
        if (i >= list.size()) {
          return all;
        }
        need.add(list.get(i));
      } else {
        return all;
      }
    }
    need.retainAll(all);
    return need;
  }

  /** The scenario's value of each parameter, clamped to its range; the middle when it holds none. */
  static double[] start(ScenarioFile file, List<FitParameter> params) {
    double[] start = new double[params.size()];
    for (int j = 0; j < start.length; j++) {
      FitParameter p = params.get(j);
      Optional<String> text = file.settingText(p.path());
      double v = (p.low() + p.high()) / 2;
      if (text.isPresent()) {
        try {
          v = p.duration() ? Values.durationNanos(text.get()) : Values.number(text.get());
        } catch (IllegalArgumentException e) {
          v = (p.low() + p.high()) / 2;
        }
      }
      start[j] = Math.min(p.high(), Math.max(p.low(), v));
    }
    return start;
  }

  /** Binds each parameter at both ends of its range (the others at the start), so a bad one fails now. */
  private static void bindEnds(Evaluator ev, List<FitParameter> params, double[] start) {
    for (int j = 0; j < params.size(); j++) {
      for (double end : new double[] {params.get(j).low(), params.get(j).high()}) {
        double[] v = start.clone();
        v[j] = end;
        ev.scenario(v);
      }
    }
  }

  private static double point(Evaluator ev, List<FitParameter> params, Objective w, double[] x, int stage,
      List<CalibrationResult.Step> steps, Consumer<String> progress, long t0) {
    return w.value(evaluate(ev, params, w, values(params, x), stage, steps, progress, t0));
  }

  private static Evaluation evaluate(Evaluator ev, List<FitParameter> params, Objective w, double[] values, int stage,
      List<CalibrationResult.Step> steps, Consumer<String> progress, long t0) {
    boolean fresh = !ev.known(values);
    Evaluation e = ev.evaluate(values);
    if (fresh) {
      double value = w.value(e);
      steps.add(new CalibrationResult.Step(e.index(), stage, values, value));
      double best = steps.stream().filter(s -> s.stage() == stage).mapToDouble(CalibrationResult.Step::objective).min()
          .orElse(value);
      progress.accept(line(params, e, stage, value, best, t0));
    }
    return e;
  }

  /**
   * d(mean of fact i)/dx_j, x_j ∈ [0, 1] the parameter's position in its range, by central
   * differences (one-sided at a bound) under common random numbers.
   */
  private static double[][] jacobian(Evaluator ev, List<FitParameter> params, Objective w, double[] at,
      List<CalibrationResult.Step> steps, Consumer<String> progress, long t0) {
    int k = ev.evaluate(at).stats().size();
    double[][] j = new double[k][params.size()];
    for (int q = 0; q < params.size(); q++) {
      FitParameter p = params.get(q);
      double h = STEP * (p.high() - p.low());
      double[] plus = at.clone();
      double[] minus = at.clone();
      plus[q] = Math.min(p.high(), at[q] + h);
      minus[q] = Math.max(p.low(), at[q] - h);
      Evaluation ep = evaluate(ev, params, w, plus, 4, steps, progress, t0);
      Evaluation em = evaluate(ev, params, w, minus, 4, steps, progress, t0);
      for (int i = 0; i < k; i++) {
        // per unit of x = (value − low)/(high − low): the columns are alike in scale, so A = JᵀWJ is well conditioned
        double d = (ep.stat(i).mean() - em.stat(i).mean()) / ((plus[q] - minus[q]) / (p.high() - p.low()));
        j[i][q] = Double.isFinite(d) ? d : 0;
      }
    }
    return j;
  }

  private static double[] variances(Objective w, List<Fact> facts) {
    double[] v = new double[facts.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = w.variance(i);
    }
    return v;
  }

  private static double[] positions(List<FitParameter> params, double[] values) {
    double[] x = new double[values.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = params.get(j).position(values[j]);
    }
    return x;
  }

  private static double[] values(List<FitParameter> params, double[] x) {
    double[] v = new double[x.length];
    for (int j = 0; j < v.length; j++) {
      v[j] = params.get(j).value(x[j]);
    }
    return v;
  }

  private static String line(List<FitParameter> params, Evaluation e, int stage, double value, double best, long t0) {
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "calibrate: #%d %s", e.index(), stageName(stage)));
    for (int j = 0; j < params.size(); j++) {
      b.append("  ").append(params.get(j).path()).append('=').append(params.get(j).human(e.values()[j]));
    }
    return b.append(String.format(Locale.ROOT, "  objective %.4g (best %.4g)  %.1f s", value, best,
        (System.nanoTime() - t0) / 1e9)).toString();
  }

  private static String stageName(int stage) {
    return switch (stage) {
      case 0 -> "start";
      case 1 -> "stage 1";
      case 2 -> "stage 2";
      case 3 -> "fit";
      default -> "jacobian";
    };
  }
}
