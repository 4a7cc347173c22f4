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
    Fields f = Fields.of(node, problems);
    String kind = f.choice("dist", "", Map.of("exponential", "exponential", "lognormal", "lognormal",
        "constant", "constant", "uniform", "uniform", "weibull", "weibull", "empirical", "empirical",
        "mixture", "mixture"));
    if (kind.isEmpty()) {
      if (!f.has("dist")) {
        problems.add(node.location(), f.child("dist"),
            "is required (exponential, lognormal, constant, uniform, weibull, empirical, mixture)");
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
      Fields dummy = Fields.of(q, f.problems());
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
      boolean last = i == weights.length - 1;
      YamlNode body = item;
      weights[i] = Double.NaN;
      if (item instanceof YamlNode.Mapping m && m.entries().containsKey("weight")) {
        Fields w = Fields.of(item, problems);
        weights[i] = w.number("weight", Double.NaN, Double.MIN_VALUE, 1);
        java.util.Map<String, YamlNode> rest = new java.util.LinkedHashMap<>(m.entries());
        java.util.Map<String, Location> keys = new java.util.LinkedHashMap<>(m.keyLocations());
        rest.remove("weight");
        keys.remove("weight");
        body = new YamlNode.Mapping(m.location(), m.path(), rest, keys);
      } else if (!last) {
        problems.add(item.location(), item.path() + ".weight", "is required (a share, e.g. 40%); only the last "
            + "component may leave it out");
      }
      if (Double.isFinite(weights[i])) {
        given += weights[i];
      }
      parts.add(bind(body, problems, Distribution.constant(0)));
    }
    if (problems.size() > before) {
      return fallback;
    }
    int lastIndex = weights.length - 1;
    if (Double.isNaN(weights[lastIndex])) {
      if (!(given < 1)) {
        problems.add(of, "the weights before the last leave nothing for it: they sum to " + given);
        return fallback;
      }
      weights[lastIndex] = 1 - given;
    } else if (Math.abs(given - 1) > 1e-9) {
      problems.add(of, "the weights must sum to 1 (or leave the last one out): " + given);
      return fallback;
    }
    return new Distribution.Mixture(weights, parts);
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
