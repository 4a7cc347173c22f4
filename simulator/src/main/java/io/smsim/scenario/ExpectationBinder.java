package io.smsim.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds an {@code expect:} list (the scenario's, or a variant's) into {@link Expectation}s. Each
 * entry is {@code metric} plus exactly one of {@code between: [lo, hi]}, {@code atLeast},
 * {@code atMost}, {@code equals}, and optionally {@code of: each | mean | ci}. Metric paths are
 * checked here, so a mistyped one is reported at its line like any other scenario error.
 */
final class ExpectationBinder {

  private static final Pattern OF_BASELINE = Pattern.compile("(.+?)\\s+of\\s+baseline");
  private static final List<String> FORMS = List.of("between", "atLeast", "atMost", "equals");
  private static final Map<String, Expectation.Of> OF = new java.util.LinkedHashMap<>();

  static {
    OF.put("each", Expectation.Of.EACH);
    OF.put("mean", Expectation.Of.MEAN);
    OF.put("ci", Expectation.Of.CI);
  }

  private static final Shape.Type BOUND = Shape.Type.oneOf(Shape.Type.number(-Double.MAX_VALUE, Double.MAX_VALUE,
      null), Shape.Type.text(null, "10% of baseline"));

  static final Shape EXPECTATION = Shape.of("expectation", "A check smsim check runs: a metric (as in summary.json) "
      + "and exactly one of between, atLeast, atMost, equals.")
      .required("metric", Shape.Type.text(null, "regions.north.birthingEvents.impacted"),
          "Metric path, e.g. regions.north.requests.failed or regions.north.incidents[0].start.")
      .key("of", Shape.Type.choice("each", "mean", "ci"), "each",
          "Every replication, their mean, or the mean's 95% confidence interval.")
      .key("between", Shape.Type.list(BOUND, 2, 2), null, "[lo, hi], inclusive.")
      .key("atLeast", BOUND, null, "Lower bound.")
      .key("atMost", BOUND, null, "Upper bound.")
      .key("equals", BOUND, null, "Exact value (a number, a time or a word).");

  static final Shape.Type LIST = Shape.Type.list(Shape.Type.mapping(EXPECTATION), 0, 0);

  private ExpectationBinder() {
  }

  /**
   * @param regions the regions of the scenario the expectations are about
   * @param allowRelative whether bounds may refer to the baseline ({@code 10% of baseline})
   */
  static List<Expectation> bind(Optional<YamlNode> node, Set<io.smsim.model.Region> regions, ZoneId zone,
      boolean allowRelative, Problems problems) {
    List<Expectation> out = new ArrayList<>();
    if (node.isEmpty()) {
      return out;
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      problems.add(node.get(), "must be a list of checks, e.g. - {metric: regions.north.requests.failed, atMost: 100}");
      return out;
    }
    for (YamlNode item : seq.items()) {
      Expectation e = entry(item, regions, zone, allowRelative, problems);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  private static Expectation entry(YamlNode item, Set<io.smsim.model.Region> regions, ZoneId zone,
      boolean allowRelative, Problems problems) {
    Fields f = Fields.of(item, problems, EXPECTATION);
    int before = problems.size();
    Optional<YamlNode> metricNode = f.node("metric");
    if (metricNode.isEmpty()) {
      problems.add(item.location(), f.child("metric"), "is required (e.g. regions.north.birthingEvents.impacted)");
    }
    MetricPath metric = metricNode.map(n -> f.parse(n, (MetricPath) null, t -> MetricPath.parse(t, regions)))
        .orElse(null);
    Expectation.Of of = f.choice("of", Expectation.Of.EACH, OF);
    List<String> given = new ArrayList<>();
    for (String form : FORMS) {
      if (f.has(form)) {
        given.add(form);
      }
    }
    f.finish();
    if (given.size() != 1) {
      problems.add(item.location(), item.path(), given.isEmpty()
          ? "give one of between: [lo, hi], atLeast, atMost, equals"
          : "give only one of between, atLeast, atMost, equals, not " + String.join(" and ", given));
      return null;
    }
    if (metric == null || problems.size() > before) {
      return null;
    }
    String form = given.get(0);
    YamlNode value = f.node(form).get();
    if (metric.kind() == MetricPath.Kind.TEXT) {
      if (!form.equals("equals") || !(value instanceof YamlNode.Scalar s)) {
        problems.add(value, metric + " is a word; only equals applies");
        return null;
      }
      if (of != Expectation.Of.EACH) {
        problems.add(f.node("of").get(), metric + " is a word; of: " + of.name().toLowerCase(java.util.Locale.ROOT)
            + " does not apply");
        return null;
      }
      return new Expectation(metric, of, null, null, s.text().trim(), "equals " + s.text().trim(), item.location());
    }
    Binder b = new Binder(metric, zone, allowRelative, problems);
    return switch (form) {
      case "between" -> between(value, metric, of, b, item, problems);
      case "atLeast" -> b.bound(value).map(lo -> new Expectation(metric, of, lo, null, null, "at least " + lo.text(),
          item.location())).orElse(null);
      case "atMost" -> b.bound(value).map(hi -> new Expectation(metric, of, null, hi, null, "at most " + hi.text(),
          item.location())).orElse(null);
      default -> b.bound(value).map(x -> new Expectation(metric, of, x, x, null, "equals " + x.text(),
          item.location())).orElse(null);
    };
  }

  private static Expectation between(YamlNode value, MetricPath metric, Expectation.Of of, Binder b, YamlNode item,
      Problems problems) {
    if (!(value instanceof YamlNode.Sequence seq) || seq.items().size() != 2) {
      problems.add(value, "must be a list of two bounds [lo, hi], got: " + value.describe());
      return null;
    }
    Optional<Expectation.Bound> lo = b.bound(seq.items().get(0));
    Optional<Expectation.Bound> hi = b.bound(seq.items().get(1));
    if (lo.isEmpty() || hi.isEmpty()) {
      return null;
    }
    if (!lo.get().ofBaseline() && !hi.get().ofBaseline() && lo.get().value() > hi.get().value()) {
      problems.add(value, "the lower bound must not exceed the upper: [" + lo.get().text() + ", " + hi.get().text() + "]");
      return null;
    }
    return new Expectation(metric, of, lo.get(), hi.get(), null,
        "between [" + lo.get().text() + ", " + hi.get().text() + "]", item.location());
  }

  /** Parses bound scalars for one metric: times for time metrics, numbers or "N of baseline" otherwise. */
  private record Binder(MetricPath metric, ZoneId zone, boolean allowRelative, Problems problems) {

    Optional<Expectation.Bound> bound(YamlNode node) {
      if (!(node instanceof YamlNode.Scalar s) || s.nullValue()) {
        problems.add(node, "must be a single value, got: " + node.describe());
        return Optional.empty();
      }
      String text = s.text().trim();
      try {
        if (metric.kind() == MetricPath.Kind.TIME) {
          Instant t = Values.time(text, zone);
          return Optional.of(new Expectation.Bound(t.getEpochSecond() + t.getNano() / 1e9, false, text));
        }
        Matcher m = OF_BASELINE.matcher(text);
        if (m.matches()) {
          if (!allowRelative) {
            problems.add(node, "'of baseline' compares a variant with the baseline (the first variant); it is allowed "
                + "only in the expect: of another variant: " + text);
            return Optional.empty();
          }
          double factor = Values.number(m.group(1));
          if (!(factor >= 0 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("the factor of baseline must be >= 0: " + text);
          }
          return Optional.of(new Expectation.Bound(factor, true, text));
        }
        double v = Values.number(text);
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("not a finite number: " + text);
        }
        return Optional.of(new Expectation.Bound(v, false, text));
      } catch (IllegalArgumentException e) {
        problems.add(node, e.getMessage() + (metric.kind() == MetricPath.Kind.NUMBER
            ? " (a number, a percentage, or e.g. 10% of baseline)" : ""));
        return Optional.empty();
      }
    }
  }
}
