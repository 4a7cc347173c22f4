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
 * {@code empirical {quantiles: {0: 1s, 0.5: 3s, 1: 60s}}}.
 */
final class DistributionBinder {

  private static final List<String> KINDS =
      List.of("exponential", "lognormal", "constant", "uniform", "weibull", "empirical");

  static final Shape QUANTILES = Shape.of("quantiles", "Probabilities in [0, 1] mapped to durations; "
      + "values between them are interpolated linearly.")
      .otherKeys("probability", "[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?", Shape.Type.DURATION);

  static final Shape DIST = Shape.of("distribution", "A distribution of durations. A plain duration (250ms) is a "
      + "constant; a mapping names the distribution with dist: and gives its parameters, all durations except "
      + "sigma and shape.")
      .key("dist", Shape.Type.choice(KINDS), null, "The distribution.").discriminator("dist")
      .keyWhen(List.of("exponential"), "mean", Shape.Type.DURATION, null, "Mean (required).")
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
    Fields f = Fields.of(node, problems, DIST);
    Map<String, String> kinds = new java.util.LinkedHashMap<>();
    KINDS.forEach(k -> kinds.put(k, k));
    String kind = f.choice("dist", "", kinds);
    if (kind.isEmpty()) {
      if (!f.has("dist")) {
        problems.add(node.location(), f.child("dist"),
            "is required (exponential, lognormal, constant, uniform, weibull, empirical)");
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
