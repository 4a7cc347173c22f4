package io.smsim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code path=value} overrides (the CLI's {@code --set}) to a YAML tree: the path is
 * dotted keys with optional list indices ({@code faults[0].probability}), or {@code [+]} to append
 * an item to a list ({@code faults[+]}); the value is YAML text, so {@code 1h}, {@code 0.2} or
 * {@code [1,2]} all work. Unknown keys are caught by the binder like any other, with the location
 * {@code --set path=value}. A variant's {@code set:} entries go through {@link #applyNode}, keeping
 * the locations where they were written.
 */
final class Overrides {

  private Overrides() {
  }

  static YamlNode apply(YamlNode root, List<String> overrides) {
    return apply(root, overrides, "--set");
  }

  /** As {@link #apply(YamlNode, List)}, locating problems at {@code option path=value} (e.g. {@code --param}). */
  static YamlNode apply(YamlNode root, List<String> overrides, String option) {
    YamlNode result = root;
    List<Problem> problems = new ArrayList<>();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      String label = option + " " + shorten(o);
      if (eq <= 0) {
        problems.add(new Problem(Location.of(label), "", "expected path=value, e.g. regions.north.reaper.period=1h"));
        continue;
      }
      String path = o.substring(0, eq).trim();
      String text = o.substring(eq + 1);
      YamlNode value;
      try {
        value = YamlReader.read(label, text.isEmpty() ? "\"\"" : text);
      } catch (ScenarioException e) {
        Problem p = e.problems().get(0);
        String at = p.location().line() > 0 ? " (line " + p.location().line() + ", column " + p.location().column()
            + " of the value)" : "";
        problems.add(new Problem(Location.of(label), path, "value is not valid YAML" + at + ": "
            + p.message().replaceFirst("^invalid YAML: ", "")));
        continue;
      }
      try {
        result = set(result, path, splitPath(path), 0, relocate(value, Location.of(label), path));
      } catch (IllegalArgumentException e) {
        problems.add(new Problem(Location.of(label), path, e.getMessage()));
      }
    }
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return result;
  }

  /** An override as it is echoed in messages: at most 100 characters. */
  private static String shorten(String override) {
    return override.length() <= 100 ? override : override.substring(0, 97) + "...";
  }

  /**
   * Applies one override whose value was written in a file (a variant's {@code set:} entry): the
   * value's nodes keep their own locations, so the binder's problems point into the variant.
   *
   * @throws IllegalArgumentException when the path does not fit the tree (the caller places it)
   */
  static YamlNode applyNode(YamlNode root, String path, YamlNode value) {
    return set(root, path, splitPath(path), 0, relocate(value, null, path));
  }

  static List<String> splitPath(String path) {
    List<String> parts = new ArrayList<>();
    for (String dotted : path.split("\\.", -1)) {
      if (dotted.isEmpty()) {
        throw new IllegalArgumentException("empty segment in path");
      }
      int b = dotted.indexOf('[');
      if (b < 0) {
        parts.add(dotted);
        continue;
      }
      if (b > 0) {
        parts.add(dotted.substring(0, b));
      }
      String rest = dotted.substring(b);
      while (!rest.isEmpty()) {
        int close = rest.indexOf(']');
        if (!rest.startsWith("[") || close < 0) {
          throw new IllegalArgumentException("bad list index in path: " + dotted);
        }
        parts.add(rest.substring(0, close + 1));
        rest = rest.substring(close + 1);
      }
    }
    return parts;
  }

  private static YamlNode set(YamlNode node, String fullPath, List<String> parts, int i, YamlNode value) {
    if (i == parts.size()) {
      return YamlMerge.merge(node == null ? value : node, value);
    }
    String part = parts.get(i);
    String here = String.join(".", parts.subList(0, i + 1)).replace(".[", "[");
    if (part.equals("[+]")) {
      if (i + 1 != parts.size()) {
        throw new IllegalArgumentException("[+] appends a list item and must end the path: " + fullPath);
      }
      if (node != null && !(node instanceof YamlNode.Sequence) && !(node instanceof YamlNode.Scalar s && s.nullValue())) {
        throw new IllegalArgumentException(here.substring(0, here.length() - 3) + " is not a list, cannot append");
      }
      List<YamlNode> items = node instanceof YamlNode.Sequence seq ? new ArrayList<>(seq.items()) : new ArrayList<>();
      String listPath = fullPath.substring(0, fullPath.length() - 3);
      items.add(relocate(value, null, listPath + "[" + items.size() + "]"));
      return new YamlNode.Sequence(node == null ? value.location() : node.location(),
          node instanceof YamlNode.Sequence ? node.path() : listPath, items);
    }
    if (part.startsWith("[")) {
      int index;
      try {
        index = Integer.parseInt(part.substring(1, part.length() - 1));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad list index " + part);
      }
      if (!(node instanceof YamlNode.Sequence seq) || index < 0 || index >= seq.items().size()) {
        throw new IllegalArgumentException("no list item " + here + " to override");
      }
      List<YamlNode> items = new ArrayList<>(seq.items());
      items.set(index, set(items.get(index), fullPath, parts, i + 1, value));
      return new YamlNode.Sequence(seq.location(), seq.path(), items);
    }
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    Location loc = value.location();
    // A mapping the override creates is named by the path leading to it, for the binder's messages.
    String path = node == null || node instanceof YamlNode.Scalar ? String.join(".", parts.subList(0, i))
        .replace(".[", "[") : node.path();
    if (node instanceof YamlNode.Mapping m) {
      entries.putAll(m.entries());
      keys.putAll(m.keyLocations());
      loc = m.location();
    } else if (node != null && !(node instanceof YamlNode.Scalar s && s.nullValue())) {
      throw new IllegalArgumentException(here.substring(0, Math.max(0, here.lastIndexOf('.')))
          + " is not a mapping, cannot set " + part);
    }
    entries.put(part, set(entries.get(part), fullPath, parts, i + 1, value));
    keys.putIfAbsent(part, value.location());
    return new YamlNode.Mapping(loc, path, entries, keys);
  }

  /**
   * Gives every node of an override value paths under the target path and the location
   * {@code loc}, or keeps each node's own location when {@code loc} is null.
   */
  private static YamlNode relocate(YamlNode node, Location loc, String path) {
    Location here = loc == null ? node.location() : loc;
    if (node instanceof YamlNode.Scalar s) {
      return new YamlNode.Scalar(here, path, s.text(), s.nullValue());
    }
    if (node instanceof YamlNode.Sequence seq) {
      List<YamlNode> items = new ArrayList<>();
      for (int i = 0; i < seq.items().size(); i++) {
        items.add(relocate(seq.items().get(i), loc, path + "[" + i + "]"));
      }
      return new YamlNode.Sequence(here, path, items);
    }
    YamlNode.Mapping m = (YamlNode.Mapping) node;
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Location> keys = new LinkedHashMap<>();
    for (Map.Entry<String, YamlNode> e : m.entries().entrySet()) {
      entries.put(e.getKey(), relocate(e.getValue(), loc, path + "." + e.getKey()));
      keys.put(e.getKey(), loc == null ? m.keyLocations().get(e.getKey()) : loc);
    }
    return new YamlNode.Mapping(here, path, entries, keys);
  }
}
