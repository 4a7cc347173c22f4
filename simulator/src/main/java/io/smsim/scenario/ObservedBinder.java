package io.smsim.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Binds {@code observed:}, the facts of an incident: a list of {@code {metric, value, uncertainty}}
 * with the metric paths of {@code expect:}. Values are written as the metric is: a number (or a
 * percentage) for counts and shares, {@code 10:24} for a time of day, an ISO-8601 time for an
 * instant. The uncertainty (optional, one standard deviation) is a number, or a duration for
 * times ({@code 1m}). Words cannot be facts.
 */
final class ObservedBinder {

  static final Shape FACT = Shape.of("fact", "One fact of the incident, what smsim calibrate fits the scenario to: a "
      + "metric (as in expect:), the value observed and its uncertainty.")
      .required("metric", Shape.Type.text(null, "regions.north.birthingEvents.impacted"),
          "Metric path, e.g. regions.north.incidents[0].start or regions.north.firstIncident.startTimeOfDay.")
      .required("value", Shape.Type.oneOf(Shape.Type.number(-Double.MAX_VALUE, Double.MAX_VALUE, null),
          Shape.Type.text(null, "10:24")),
          "The value observed: a number or a share (40%) for counts and ratios, 10:24 for a time of day, an "
              + "ISO-8601 time for an instant.")
      .key("uncertainty", Shape.Type.oneOf(Shape.Type.number(0, Double.MAX_VALUE, null), Shape.Type.DURATION), "0",
          "One standard deviation of the value: a number, or a duration for times (1m).");

  static final Shape.Type LIST = Shape.Type.list(Shape.Type.mapping(FACT), 0, 0);

  private ObservedBinder() {
  }

  static List<Fact> bind(Optional<YamlNode> node, Set<io.smsim.model.Region> regions, ZoneId zone,
      Problems problems) {
    List<Fact> out = new ArrayList<>();
    if (node.isEmpty()) {
      return out;
    }
    if (!(node.get() instanceof YamlNode.Sequence seq)) {
      problems.add(node.get(), "must be a list of facts, e.g. - {metric: regions.north.birthingEvents.impacted, "
          + "value: 40, uncertainty: 5}");
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (YamlNode item : seq.items()) {
      Fact fact = fact(item, regions, zone, problems);
      if (fact != null && !seen.add(fact.metric().text())) {
        problems.add(item, "the same metric is observed twice: " + fact.metric());
      } else if (fact != null) {
        out.add(fact);
      }
    }
    return out;
  }

  private static Fact fact(YamlNode item, Set<io.smsim.model.Region> regions, ZoneId zone, Problems problems) {
    Fields f = Fields.of(item, problems, FACT);
    int before = problems.size();
    Optional<YamlNode> metricNode = f.node("metric");
    if (metricNode.isEmpty()) {
      problems.add(item.location(), f.child("metric"), "is required (e.g. regions.north.birthingEvents.impacted)");
    }
    MetricPath metric = metricNode.map(n -> f.parse(n, (MetricPath) null, t -> MetricPath.parse(t, regions)))
        .orElse(null);
    Optional<YamlNode> valueNode = f.node("value");
    if (valueNode.isEmpty()) {
      problems.add(item.location(), f.child("value"), "is required (the value observed)");
    }
    Optional<YamlNode> uncertaintyNode = f.node("uncertainty");
    f.finish();
    if (metric == null || valueNode.isEmpty() || problems.size() > before) {
      return null;
    }
    if (metric.kind() == MetricPath.Kind.TEXT) {
      problems.add(metricNode.get(), "is a word; a fact is a number or a time: " + metric);
      return null;
    }
    double value = f.parse(valueNode.get(), Double.NaN, t -> value(metric, t, zone));
    double uncertainty = uncertaintyNode.map(n -> f.parse(n, Double.NaN, t -> uncertainty(metric, t))).orElse(0.0);
    if (problems.size() > before) {
      return null;
    }
    String text = ((YamlNode.Scalar) valueNode.get()).text().trim();
    String uText = uncertaintyNode.map(n -> ((YamlNode.Scalar) n).text().trim()).orElse("");
    return new Fact(metric, value, uncertainty, text, uText, item.location());
  }

  private static double value(MetricPath metric, String text, ZoneId zone) {
    return switch (metric.kind()) {
      case TIME -> {
        Instant t = Values.time(text, zone);
        yield t.getEpochSecond() + t.getNano() / 1e9;
      }
      case TIME_OF_DAY -> Values.timeOfDay(text);
      default -> {
        double v = Values.number(text);
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("not a finite number: " + text);
        }
        yield v;
      }
    };
  }

  /** One standard deviation in the metric's unit: a duration for times (minutes, or seconds for instants). */
  private static double uncertainty(MetricPath metric, String text) {
    double u = switch (metric.kind()) {
      case TIME -> Values.durationNanos(text) / 1e9;
      case TIME_OF_DAY -> Values.durationNanos(text) / 60e9;
      default -> Values.number(text);
    };
    if (!(u >= 0 && Double.isFinite(u))) {
      throw new IllegalArgumentException("must be >= 0: " + text);
    }
    return u;
  }
}
