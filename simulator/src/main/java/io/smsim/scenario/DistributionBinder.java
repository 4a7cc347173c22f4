package io.smsim.scenario;

import io.smsim.engine.Distribution;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binds a duration distribution: a plain duration ({@code 250ms}) is a constant; otherwise a
 * mapping with {@code dist} and its parameters, all durations:
 * {@code exponential {mean}}, {@code lognormal {median, sigma | p99}}, {@code constant {value}},
 * {@code uniform {min, max}}, {@code weibull {scale, shape}},
 * {@code empirical {quantiles: {0: 1s, 0.5: 3s, 1: 60s}}},
 * {@code mixture {of: [{weight: 40%, dist: ...}, {dist: ...}]}}.
 */
final class DistributionBinder {

  private static final List<String> KINDS =
      List.of("exponential", "lognormal", "constant", "uniform", "weibull", "empirical");

  /** Every kind: the simple ones and {@code mixture} (whose components are simple). */
  private static final List<String> ALL_KINDS =
      List.of("exponential", "lognormal", "constant", "uniform", "weibull", "empirical", "mixture");

  static final Shape QUANTILES = Shape.of("quantiles", "Probabilities in [0, 1] mapped to durations; "
      + "values between them are interpolated linearly.")
      .otherKeys("probability", "[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?", Shape.Type.DURATION);

  /** One component of a mixture: a simple distribution and its weight. */
  static final Shape COMPONENT = simple(Shape.of("mixture component", "One distribution of a mixture and the "
      + "share of samples drawn from it.")
      .key("weight", Shape.Type.PROBABILITY, "what the others leave (last component only)",
          "Share of samples from this component, e.g. 40%; the weights sum to 1.")
      .key("dist", Shape.Type.choice(KINDS), null, "The distribution.").discriminator("dist"));

  static final Shape DIST = simple(Shape.of("distribution", "A distribution of durations. A plain duration (250ms) "
      + "is a constant; a mapping names the distribution with dist: and gives its parameters, all durations except "
      + "sigma and shape.")
      .key("dist", Shape.Type.choice(ALL_KINDS), null, "The distribution.").discriminator("dist"))
      .keyWhen(List.of("mixture"), "of", Shape.Type.list(Shape.Type.mapping(COMPONENT), 2, 0), null,
          "The components, each with its weight (the last may leave it out), e.g. [{weight: 40%, dist: "
              + "exponential, mean: 20m}, {dist: exponential, mean: 3d}] (required).");

  /** The parameters of the simple kinds, on a shape whose discriminator is {@code dist}. */
  private static Shape simple(Shape s) {
    return s.keyWhen(List.of("exponential"), "mean", Shape.Type.DURATION, null, "Mean (required).")
        .keyWhen(List.of("lognormal"), "median", Shape.Type.DURATION, null, "Median (required).")
        .keyWhen(List.of("lognormal"), "sigma", Shape.Type.number(0, 5, "log-scale standard deviation"), null,
            "Spread; give sigma or p99.")
        .keyWhen(List.of("lognormal"), "p99", Shape.Type.DURATION, null, "99th percentile; give sigma or p99.")
        .keyWhen(List.of("constant"), "value", Shape.Type.DURATION, null, "The value (required).")
        .keyWhen(List.of("uniform"), "min", Shape.Type.DURATION, null, "Lower end (required).")
        .keyWhen(List.of("uniform"), "max", Shape.Type.DURATION, null, "Upper end (required).")
        .keyWhen(List.of("weibull"), "scale", Shape.Type.DURATION, null, "Scale (required).")
        .keyWhen(List.of("weibull"), "shape", Shape.Type.number(1e-9, 1e9, "dimensionless"), null,
            "Shape (required).")
        .keyWhen(List.of("empirical"), "quantiles", Shape.Type.mapping(QUANTILES), null,
            "Quantiles, e.g. {0: 1s, 0.5: 3s, 1: 60s} (required).");
  }

  /** A distribution: a duration, or a mapping with dist. */
  static final Shape.Type TYPE = Shape.Type.oneOf(Shape.Type.DURATION, Shape.Type.mapping(DIST));

  /** z such that Φ(z) = 0.99, for the lognormal {median, p99} form. */
  private static final double Z99 = 2.3263478740408408;

  private DistributionBinder() {
  }

  static Distribution bind(YamlNode node, Problems problems, Distribution fallback) {
    if (node instanceof YamlNode.Scalar s) {
      try {
        return Distribution.constant(Values.durationNanos(s.text()));
      } catch (IllegalArgumentException e) {
        problems.add(node, "a distribution is a duration (250ms) or a mapping with dist: ...; " + e.getMessage());
        return fallback;
      }
    }
    return mapping(node, problems, fallback, DIST, ALL_KINDS, null);
  }

  /**
   * A distribution given as a mapping of {@code shape}, its {@code dist} one of {@code kinds}; for a
   * mixture component, its weight goes to {@code weight[0]} (NaN when left out or bad) and
   * whether it was given to {@code weight[1]}.
   */
  private static Distribution mapping(YamlNode node, Problems problems, Distribution fallback, Shape shape,
      List<String> kinds, double[] weight) {
    Fields f = Fields.of(node, problems, shape);
    if (weight != null) {
      weight[0] = f.has("weight") ? f.number("weight", Double.NaN, 0, 1) : Double.NaN;
      weight[1] = f.has("weight") ? 1 : 0;
      if (weight[0] == 0) {
        problems.add(f.node("weight").orElseThrow(), "must be more than 0 (leave the component out instead): 0");
      }
    }
    String kind = f.choice("dist", "", kinds(kinds));
    if (kind.isEmpty()) {
      if (!f.has("dist")) {
        problems.add(node.location(), f.child("dist"), "is required (" + String.join(", ", kinds) + ")");
      }
      f.finish();
      return fallback;
    }
    int before = problems.size();
    Distribution d = fallback;
    try {
      d = switch (kind) {
        case "exponential" -> Distribution.exponential(requiredPositive(f, "mean"));
        case "constant" -> Distribution.constant(requiredDuration(f, "value"));
        case "uniform" -> new Distribution.Uniform(requiredDuration(f, "min"), requiredDuration(f, "max"));
        case "weibull" -> new Distribution.Weibull(requiredPositive(f, "scale"),
            requiredNumber(f, "shape"));
        case "lognormal" -> lognormal(f);
        case "empirical" -> empirical(f);
        case "mixture" -> mixture(f, fallback);
        default -> fallback;
      };
    } catch (IllegalArgumentException e) {
      if (problems.size() == before) {
        problems.add(node, e.getMessage());
      }
      d = fallback;
    }
    f.finish();
    return problems.size() == before ? d : fallback;
  }

  private static Map<String, String> kinds(List<String> kinds) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    kinds.forEach(k -> m.put(k, k));
    return m;
  }

  private static Distribution lognormal(Fields f) {
    double median = requiredPositive(f, "median");
    boolean hasSigma = f.has("sigma");
    boolean hasP99 = f.has("p99");
    if (hasSigma == hasP99) {
      f.problems().add(f.mapping(), "lognormal needs exactly one of sigma or p99");
      return Distribution.logNormalByMedian(median, 0);
    }
    double sigma;
    if (hasSigma) {
      sigma = f.number("sigma", 0, 0, 5);
    } else {
      double p99 = f.positiveDuration("p99", 0);
      if (!(p99 >= median)) {
        f.problems().add(f.node("p99").orElseThrow(), "must be at least the median: " + p99 / 1e9 + "s");
        return Distribution.logNormalByMedian(median, 0);
      }
      sigma = Math.log(p99 / median) / Z99;
    }
    return Distribution.logNormalByMedian(median, sigma);
  }

  private static Distribution empirical(Fields f) {
    YamlNode q = f.required("quantiles").orElse(null);
    if (!(q instanceof YamlNode.Mapping m)) {
      if (q != null) {
        f.problems().add(q, "must map probabilities to durations, e.g. {0: 1s, 0.5: 3s, 1: 60s}");
      }
      return Distribution.constant(0);
    }
    TreeMap<Double, Double> points = new TreeMap<>();
    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
      double p;
      try {
        p = Values.number(e.getKey());
      } catch (IllegalArgumentException ex) {
        f.problems().add(m.keyLocations().get(e.getKey()), q.path() + "." + e.getKey(),
            "quantile keys are probabilities in [0,1]: " + e.getKey());
        continue;
      }
      if (!(p >= 0 && p <= 1)) {
        f.problems().add(m.keyLocations().get(e.getKey()), q.path() + "." + e.getKey(),
            "must be in [0, 1]: " + e.getKey());
        continue;
      }
      Fields dummy = Fields.of(q, f.problems(), QUANTILES);
      points.put(p, (double) dummy.parse(e.getValue(), 0L, Values::durationNanos));
    }
    List<Double> ps = new ArrayList<>(points.keySet());
    double[] pa = new double[ps.size()];
    double[] va = new double[ps.size()];
    for (int i = 0; i < pa.length; i++) {
      pa[i] = ps.get(i);
      va[i] = points.get(ps.get(i));
    }
    return new Distribution.Empirical(pa, va);
  }

  /**
   * {@code {dist: mixture, of: [{weight: 40%, dist: exponential, mean: 20m}, {dist: exponential, mean: 3d}]}}:
   * each component a distribution with its {@code weight} (a share); the last may leave its
   * weight out and take what the others leave.
   */
  private static Distribution mixture(Fields f, Distribution fallback) {
    Problems problems = f.problems();
    YamlNode of = f.required("of").orElse(null);
    if (!(of instanceof YamlNode.Sequence seq) || seq.items().size() < 2) {
      if (of != null) {
        problems.add(of, "must list two or more components, e.g. [{weight: 40%, dist: exponential, mean: 20m}, "
            + "{dist: exponential, mean: 3d}]");
      }
      return fallback;
    }
    int before = problems.size();
    List<Distribution> parts = new ArrayList<>();
    double[] weights = new double[seq.items().size()];
    double given = 0;
    for (int i = 0; i < weights.length; i++) {
      YamlNode item = seq.items().get(i);
      if (!(item instanceof YamlNode.Mapping)) {
        problems.add(item, "a mixture component is a mapping with weight and dist, e.g. {weight: 40%, "
            + "dist: exponential, mean: 20m}");
        continue;
      }
      double[] w = {Double.NaN, 0};
      parts.add(mapping(item, problems, Distribution.constant(0), COMPONENT, KINDS, w));
      weights[i] = w[0];
      if (w[1] == 0 && i < weights.length - 1) {
        problems.add(item.location(), item.path() + ".weight", "is required (a share, e.g. 40%); only the last "
            + "component may leave it out");
      }
      if (Double.isFinite(weights[i])) {
        given += weights[i];
      }
    }
    if (problems.size() > before) {
      return fallback;
    }
    int lastIndex = weights.length - 1;
    if (Double.isNaN(weights[lastIndex])) {
      if (!(given < 1)) {
        problems.add(of, "the weights before the last leave nothing for it: they sum to " + share(given));
        return fallback;
      }
      weights[lastIndex] = 1 - given;
    } else if (Math.abs(given - 1) > 1e-9) {
      problems.add(of, "the weights must sum to 1 (or leave the last one out): " + share(given));
      return fallback;
    }
    return new Distribution.Mixture(weights, parts);
  }

  /** A sum of weights as written (0.9, not 0.8999999999999999). */
  private static String share(double x) {
    return new java.math.BigDecimal(x).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
  }

  private static double requiredPositive(Fields f, String key) {
    if (f.required(key).isEmpty()) {
      return 1;
    }
    return f.positiveDuration(key, 1);
  }

  private static double requiredDuration(Fields f, String key) {
    if (f.required(key).isEmpty()) {
      return 0;
    }
    return f.duration(key, 0);
  }

  private static double requiredNumber(Fields f, String key) {
    if (f.required(key).isEmpty()) {
      return 1;
    }
    return f.number(key, 1, 1e-9, 1e9);
  }
}
