package io.smsim.scenario;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping for the binder: typed getters with defaults that record
 * problems instead of throwing, and {@link #finish()}, which reports keys nobody asked for and
 * lists the accepted ones. Every mapping is read against its declared {@link Shape}: reading a key
 * the shape does not declare is a programming error ({@link IllegalStateException}), so the JSON
 * Schema and the reference generated from the shapes always cover what the binders accept.
 */
final class Fields {

  private final YamlNode.Mapping map;
  private final Problems problems;
  private final Shape shape;
  private final Set<String> accepted = new LinkedHashSet<>();

  private Fields(YamlNode.Mapping map, Problems problems, Shape shape) {
    this.map = map;
    this.problems = problems;
    this.shape = java.util.Objects.requireNonNull(shape, "shape");
  }

  /** Fields of a node that must be a mapping of {@code shape}; a problem (and no fields) otherwise. */
  static Fields of(YamlNode node, Problems problems, Shape shape) {
    if (node instanceof YamlNode.Mapping m) {
      return new Fields(m, problems, shape);
    }
    if (!(node instanceof YamlNode.Scalar s && s.nullValue())) {
      problems.add(node, "must be a mapping of keys to values, got: " + node.describe());
    }
    return new Fields(new YamlNode.Mapping(node.location(), node.path(), Map.of(), Map.of()), problems, shape);
  }

  YamlNode.Mapping mapping() {
    return map;
  }

  Problems problems() {
    return problems;
  }

  /** The raw node, marking the key as accepted. */
  Optional<YamlNode> node(String key) {
    if (!shape.declares(key)) {
      throw new IllegalStateException("the binder reads " + child(key) + ", which " + shape
          + " does not declare: add one line for it to the shape, so the schema and the reference know it");
    }
    accepted.add(key);
    YamlNode n = map.entries().get(key);
    if (n instanceof YamlNode.Scalar s && s.nullValue()) {
      return Optional.empty();
    }
    return Optional.ofNullable(n);
  }

  /** Marks keys as accepted that another binder reads (they are listed when a key is unknown). */
  void acceptAlso(String... keys) {
    for (String k : keys) {
      if (!shape.declares(k)) {
        throw new IllegalStateException(shape + " does not declare " + k);
      }
    }
    accepted.addAll(List.of(keys));
  }

  boolean has(String key) {
    return node(key).isPresent();
  }

  /** A required node; a problem at the mapping when missing. */
  Optional<YamlNode> required(String key) {
    Optional<YamlNode> n = node(key);
    if (n.isEmpty()) {
      problems.add(map.location(), child(key), "is required");
    }
    return n;
  }

  String child(String key) {
    return map.path().isEmpty() ? key : map.path() + "." + key;
  }

  /** A scalar parsed by {@code parser}; a problem and the default when it fails. */
  <T> T scalar(String key, T defaultValue, Function<String, T> parser) {
    Optional<YamlNode> n = node(key);
    if (n.isEmpty()) {
      return defaultValue;
    }
    return parse(n.get(), defaultValue, parser);
  }

  <T> T parse(YamlNode node, T defaultValue, Function<String, T> parser) {
    if (!(node instanceof YamlNode.Scalar s)) {
      problems.add(node, "must be a single value, got: " + node.describe());
      return defaultValue;
    }
    try {
      return parser.apply(s.text());
    } catch (IllegalArgumentException e) {
      problems.add(node, e.getMessage());
      return defaultValue;
    }
  }

  String string(String key, String defaultValue) {
    return scalar(key, defaultValue, Function.identity());
  }

  long duration(String key, long defaultNanos) {
    return scalar(key, defaultNanos, Values::durationNanos);
  }

  long positiveDuration(String key, long defaultNanos) {
    return scalar(key, defaultNanos, t -> {
      long v = Values.durationNanos(t);
      if (v <= 0) {
        throw new IllegalArgumentException("must be a positive duration: " + t);
      }
      return v;
    });
  }

  /** A duration, or {@code none}/{@code never}/{@code off} meaning {@code noneValue}. */
  long durationOrNone(String key, long defaultNanos, long noneValue) {
    return scalar(key, defaultNanos, t -> isNone(t) ? noneValue : Values.durationNanos(t));
  }

  double number(String key, double defaultValue, double min, double max) {
    return scalar(key, defaultValue, t -> {
      double v = Values.number(t);
      if (!(v >= min && v <= max)) {
        String rule = max >= 1e9 ? (min == 0 ? "must be >= 0" : "must be at least " + fmt(min))
            : "must be in [" + fmt(min) + ", " + fmt(max) + "]";
        throw new IllegalArgumentException(rule + ": " + t);
      }
      return v;
    });
  }

  double probability(String key, double defaultValue) {
    return number(key, defaultValue, 0, 1);
  }

  int integer(String key, int defaultValue, int min, int max) {
    return scalar(key, defaultValue, t -> {
      long v = Values.integer(t);
      if (v < min) {
        throw new IllegalArgumentException((min == 1 ? "must be positive" : "must be at least " + min) + ": " + t);
      }
      if (v > max) {
        throw new IllegalArgumentException("must be at most " + max + ": " + t);
      }
      return (int) v;
    });
  }

  /** A whole number, or {@code none}/{@code unbounded} meaning 0. */
  int integerOrNone(String key, int defaultValue, int min) {
    return scalar(key, defaultValue, t -> {
      if (isNone(t) || t.trim().equals("unbounded")) {
        return 0;
      }
      long v = Values.integer(t);
      if (v < min || v > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("must be at least " + min + " (or none): " + t);
      }
      return (int) v;
    });
  }

  Instant time(String key, Instant defaultValue, ZoneId zone) {
    return scalar(key, defaultValue, t -> Values.time(t, zone));
  }

  boolean bool(String key, boolean defaultValue) {
    return scalar(key, defaultValue, Values::bool);
  }

  /** One of a fixed set of words. */
  <E> E choice(String key, E defaultValue, Map<String, E> options) {
    return scalar(key, defaultValue, t -> {
      E e = options.get(t.trim());
      if (e == null) {
        // ordered maps keep their order; others (Map.of) are listed alphabetically, never in hash order
        java.util.Collection<String> names = options instanceof java.util.LinkedHashMap<String, E>
            ? options.keySet() : new java.util.TreeSet<>(options.keySet());
        throw new IllegalArgumentException("must be one of " + String.join(", ", names) + ": " + t);
      }
      return e;
    });
  }

  /** Reports every key that no getter asked for, with the accepted keys and a likely intent. */
  void finish() {
    for (Map.Entry<String, YamlNode> e : map.entries().entrySet()) {
      String key = e.getKey();
      if (!accepted.contains(key)) {
        Location loc = map.keyLocations().getOrDefault(key, e.getValue().location());
        // A key merged in from elsewhere (defaults, a variant, --set) is named where it was written.
        String origin = e.getValue().path();
        String path = origin == null || origin.isEmpty() ? child(key) : origin;
        problems.add(loc, path, "unknown key" + hint(key) + "; accepted: " + String.join(", ", accepted));
      }
    }
  }

  private String hint(String key) {
    List<String> close = new ArrayList<>();
    for (String a : accepted) {
      if (Values.distance(key, a) <= Math.max(1, Math.min(3, a.length() / 3))) {
        close.add(a);
      }
    }
    return close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)";
  }

  static boolean isNone(String t) {
    String s = t.trim();
    return s.equals("none") || s.equals("never") || s.equals("off");
  }

  private static String fmt(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
