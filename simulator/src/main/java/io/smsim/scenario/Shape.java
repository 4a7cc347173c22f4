package io.smsim.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The declared keys of one scenario mapping: what the binder that reads it accepts, with each key's
 * type, default, unit and meaning. A binder declares its shape as a constant next to the code that
 * reads it, one line per key, and opens the mapping with {@code Fields.of(node, problems, SHAPE)};
 * {@link Fields} refuses (as a programming error) to read a key its shape does not declare. The JSON
 * Schema ({@code scenarios/smsim-scenario.schema.json}) and the scenario reference are generated from
 * these shapes ({@link ScenarioSchema}), so they cannot drift from what the binders validate.
 *
 * <pre>
 * static final Shape REAPER = Shape.of("reaper", "A cron job that kills leaked children.")
 *     .key("period", Type.DURATION_OR_NONE, "none", "How often it runs.")
 *     .key("threshold", Type.count(1), "none", "Also run at once when processes reach this many.");
 * </pre>
 */
public final class Shape {

  /** One declared key. {@code onlyWhen} limits it to mappings whose discriminator has one of those values. */
  public record Key(String name, Type type, String defaultText, String description, boolean required,
      List<String> onlyWhen) {
    public Key {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(description, "description");
      onlyWhen = List.copyOf(onlyWhen);
    }
  }

  private final String name;
  private final String description;
  private final Map<String, Key> keys = new LinkedHashMap<>();
  private String discriminator;
  private Type otherKeys;
  private Pattern otherKeyPattern;
  private String otherKeyLabel;

  private Shape(String name, String description) {
    this.name = name;
    this.description = description;
  }

  /** A mapping named {@code name} (a title in the reference), described in a sentence or two. */
  public static Shape of(String name, String description) {
    return new Shape(name, description);
  }

  /** An optional key. */
  public Shape key(String key, Type type, String defaultText, String text) {
    return add(new Key(key, type, defaultText, text, false, List.of()));
  }

  /** A required key. */
  public Shape required(String key, Type type, String text) {
    return add(new Key(key, type, null, text, true, List.of()));
  }

  /** An optional key that applies only when the discriminator key has one of {@code values}. */
  public Shape keyWhen(List<String> values, String key, Type type, String defaultText, String text) {
    if (discriminator == null) {
      throw new IllegalStateException("declare the discriminator of " + name + " first");
    }
    return add(new Key(key, type, defaultText, text, false, values));
  }

  /** Marks {@code key} (already declared, a choice) as the one that selects which other keys apply. */
  public Shape discriminator(String key) {
    if (!keys.containsKey(key) || !(keys.get(key).type() instanceof Type.Choice)) {
      throw new IllegalStateException("discriminator must be a declared choice: " + key);
    }
    this.discriminator = key;
    return this;
  }

  /** Keys beyond the declared ones: any matching {@code keyPattern} (null = any), each of {@code type}. */
  public Shape otherKeys(String label, String keyPattern, Type type) {
    this.otherKeyLabel = label;
    this.otherKeyPattern = keyPattern == null ? null : Pattern.compile(keyPattern);
    this.otherKeys = type;
    return this;
  }

  private Shape add(Key k) {
    if (keys.putIfAbsent(k.name(), k) != null) {
      throw new IllegalStateException(name + " declares " + k.name() + " twice");
    }
    return this;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public List<Key> keys() {
    return List.copyOf(keys.values());
  }

  public String discriminatorKey() {
    return discriminator;
  }

  /** The type of undeclared keys, or null when only declared keys are accepted. */
  public Type otherKeysType() {
    return otherKeys;
  }

  public String otherKeysPattern() {
    return otherKeyPattern == null ? null : otherKeyPattern.pattern();
  }

  public String otherKeysLabel() {
    return otherKeyLabel;
  }

  /**
   * Whether a binder may read {@code key} from a mapping of this shape: a declared key, or any key
   * when the shape has other keys (whose binder checks them itself; the pattern is for the schema).
   */
  boolean declares(String key) {
    return keys.containsKey(key) || otherKeys != null;
  }

  /** True when the mapping may hold keys its binder checks itself (names, SRVs). */
  boolean open() {
    return otherKeys != null;
  }

  Set<String> declaredKeys() {
    return keys.keySet();
  }

  @Override
  public String toString() {
    return "Shape[" + name + "]";
  }

  /** The value types a key can have, as the binders parse them ({@link Values}). */
  public sealed interface Type {

    /** {@code 90s}, {@code 1h30m}, {@code 250ms}, {@code 2d}, {@code 0} or ISO-8601 {@code PT15M}. */
    Type DURATION = new Duration(false);
    /** A duration, or none/never/off. */
    Type DURATION_OR_NONE = new Duration(true);
    /** An ISO-8601 time, local in the scenario's zone unless it has an offset. */
    Type TIME = new Time();
    Type BOOLEAN = new Bool();
    Type TEXT = new Text(null, null);
    Type ANY = new Any();
    Type PROBABILITY = new Number(0, 1, false, false, "probability");

    static Type number(double min, double max, String unit) {
      return new Number(min, max, false, false, unit);
    }

    static Type integer(long min, long max, String unit) {
      return new Number(min, max, true, false, unit);
    }

    /** A whole number of at least {@code min}, or none/unbounded. */
    static Type countOrNone(long min, String unit) {
      return new Number(min, Integer.MAX_VALUE, true, true, unit);
    }

    static Type choice(String... values) {
      return new Choice(Arrays.asList(values));
    }

    static Type choice(List<String> values) {
      return new Choice(values);
    }

    static Type text(String pattern, String example) {
      return new Text(pattern, example);
    }

    static Type mapping(Shape shape) {
      return new Nested(shape);
    }

    static Type list(Type item, int minItems, int maxItems) {
      return new ListOf(item, minItems, maxItems);
    }

    static Type oneOf(Type... options) {
      return new OneOf(List.of(options));
    }

    record Duration(boolean orNone) implements Type {
    }

    record Number(double min, double max, boolean whole, boolean orNone, String unit) implements Type {
    }

    record Time() implements Type {
    }

    record Bool() implements Type {
    }

    /** Free text, optionally matching {@code pattern}. */
    record Text(String pattern, String example) implements Type {
    }

    record Choice(List<String> values) implements Type {
      public Choice {
        values = List.copyOf(values);
      }
    }

    record Nested(Shape shape) implements Type {
    }

    /** A list; {@code maxItems} 0 = unbounded. */
    record ListOf(Type item, int minItems, int maxItems) implements Type {
    }

    record OneOf(List<Type> options) implements Type {
      public OneOf {
        options = List.copyOf(new ArrayList<>(options));
      }
    }

    /** Anything (the binder interprets it, e.g. a variant's {@code set:} values). */
    record Any() implements Type {
    }
  }
}
