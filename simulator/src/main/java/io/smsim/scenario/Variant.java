package io.smsim.scenario;

import java.util.List;
import java.util.Objects;

/**
 * A named what-if of a scenario, declared under {@code variants:}: overrides of any settings
 * (the same paths as {@code --set}) and, optionally, its own expectations.
 *
 * @param set the overrides in file order; empty for the scenario as written
 * @param scenario the scenario with the overrides (and any command-line {@code --set}) applied
 * @param location where the variant was declared
 */
public record Variant(String name, String description, List<Setting> set, Scenario scenario,
    List<Expectation> expectations, Location location) {

  /** The name of the scenario as written, when it declares no variants. */
  public static final String AS_WRITTEN = "as-written";

  /**
   * One override of a variant.
   *
   * @param value the YAML value as written (rendered in flow style by {@link #toString()})
   */
  public record Setting(String path, YamlNode value, Location location) {
    public Setting {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(value, "value");
    }

    /** {@code path=value}, the value in YAML flow style, as {@code --set} would take it. */
    @Override
    public String toString() {
      return path + "=" + flow(value);
    }

    private static String flow(YamlNode n) {
      if (n instanceof YamlNode.Scalar s) {
        return s.nullValue() ? "null" : s.text();
      }
      StringBuilder b = new StringBuilder();
      if (n instanceof YamlNode.Sequence seq) {
        b.append('[');
        for (int i = 0; i < seq.items().size(); i++) {
          b.append(i == 0 ? "" : ", ").append(flow(seq.items().get(i)));
        }
        return b.append(']').toString();
      }
      YamlNode.Mapping m = (YamlNode.Mapping) n;
      b.append('{');
      boolean first = true;
      for (var e : m.entries().entrySet()) {
        b.append(first ? "" : ", ").append(e.getKey()).append(": ").append(flow(e.getValue()));
        first = false;
      }
      return b.append('}').toString();
    }
  }

  public Variant {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(location, "location");
    set = List.copyOf(set);
    expectations = List.copyOf(expectations);
  }

  /** The overrides as {@code path=value} texts. */
  public List<String> overrides() {
    return set.stream().map(Setting::toString).toList();
  }
}
