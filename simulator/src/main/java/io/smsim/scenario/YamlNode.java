package io.smsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML value that remembers where it was written: the scenario binder's input. Each node carries
 * its source location and the dotted path where it was written (its origin), so a value inherited
 * from {@code defaults} is reported at the defaults line.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Mapping, YamlNode.Sequence {

  Location location();

  /** Dotted path where the node was written, e.g. {@code regions.north.gateway.processLimit}. */
  String path();

  /** A short description of the node for messages. */
  String describe();

  /**
   * A scalar as written (no implicit typing: the binder parses it for the type it expects).
   *
   * @param nullValue whether it was a YAML null ({@code ~}, {@code null} or empty)
   */
  record Scalar(Location location, String path, String text, boolean nullValue) implements YamlNode {
    @Override
    public String describe() {
      return nullValue ? "null" : text;
    }
  }

  /** A mapping with its keys' locations, in file order. */
  record Mapping(Location location, String path, Map<String, YamlNode> entries,
      Map<String, Location> keyLocations) implements YamlNode {
    public Mapping {
      entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
      keyLocations = Collections.unmodifiableMap(new LinkedHashMap<>(keyLocations));
    }

    @Override
    public String describe() {
      return "a mapping";
    }
  }

  /** A list. */
  record Sequence(Location location, String path, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String describe() {
      return "a list";
    }
  }
}
