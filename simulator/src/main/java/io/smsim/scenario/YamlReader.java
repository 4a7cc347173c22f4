package io.smsim.scenario;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads YAML into {@link YamlNode}s with locations, using SnakeYAML Engine's composer (YAML 1.2,
 * no object construction, so no type-instantiation attacks). Jackson's YAML tree would drop the
 * line and column that every scenario error must name; that is why the composer is used here.
 * Limits, all checked before the document is composed: 1 MiB of text, 50 aliases, and (by
 * {@link YamlBounds}) 100,000 nodes and 64 levels of nesting with every alias expanded; duplicate
 * keys are errors.
 */
public final class YamlReader {

  static final int MAX_CHARS = 1 << 20;

  private YamlReader() {
  }

  /** Reads a file; its name (as given) is used in locations. */
  public static YamlNode read(Path file) {
    return read(file.toString(), text(file));
  }

  /**
   * A scenario file's text, checked as {@link #read(Path)} checks it (a regular file, at most
   * {@value #MAX_CHARS} bytes, UTF-8); problems are located at the file's name as given.
   */
  public static String text(Path file) {
    String label = file.toString();
    byte[] bytes;
    try {
      if (!Files.isRegularFile(file)) {
        throw new ScenarioException(new Problem(Location.of(label), "", Files.isDirectory(file)
            ? "is a directory, not a scenario file (give one of its .yaml files)"
            : Files.exists(file) ? "not a regular file" : "no such file"));
      }
      if (Files.size(file) > MAX_CHARS) {
        throw new ScenarioException(new Problem(Location.of(label), "",
            "file too large: " + Files.size(file) + " bytes (limit " + MAX_CHARS + ")"));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ScenarioException(new Problem(Location.of(label), "", "cannot read: " + e.getMessage()));
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ScenarioException(new Problem(Location.of(label), "", "not UTF-8 text"));
    }
  }

  /** Reads YAML text; {@code label} names it in locations. */
  public static YamlNode read(String label, String text) {
    LoadSettings settings = LoadSettings.builder().setLabel(label).setAllowDuplicateKeys(false)
        .setAllowRecursiveKeys(false).setMaxAliasesForCollections(50).setCodePointLimit(MAX_CHARS).build();
    Optional<Node> root;
    try {
      YamlBounds.Breach breach = YamlBounds.check(settings, new StringReader(text));
      if (breach != null) {
        Location loc = breach.mark() == null ? Location.of(label) : location(label, breach.mark());
        throw new ScenarioException(new Problem(loc, "", breach.message()));
      }
      root = new Compose(settings).composeReader(new StringReader(text));
    } catch (MarkedYamlEngineException e) {
      Location loc = e.getProblemMark().map(m -> location(label, m)).orElse(Location.of(label));
      String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
      throw new ScenarioException(new Problem(loc, "", "invalid YAML: " + problem.trim()));
    } catch (YamlEngineException e) {
      throw new ScenarioException(new Problem(Location.of(label), "", "invalid YAML: " + e.getMessage()));
    }
    if (root.isEmpty()) {
      throw new ScenarioException(new Problem(Location.of(label), "", "the file is empty"));
    }
    List<Problem> problems = new ArrayList<>();
    YamlNode node = convert(label, root.get(), "", problems);
    if (!problems.isEmpty()) {
      throw new ScenarioException(problems);
    }
    return node;
  }

  /** Converts the composed tree; {@link YamlBounds} has bounded its expanded size and depth. */
  private static YamlNode convert(String label, Node node, String path, List<Problem> problems) {
    Location loc = node.getStartMark().map(m -> location(label, m)).orElse(Location.of(label));
    if (node instanceof ScalarNode s) {
      boolean isNull = s.getTag().equals(Tag.NULL);
      return new YamlNode.Scalar(loc, path, s.getValue(), isNull);
    }
    if (node instanceof SequenceNode seq) {
      List<YamlNode> items = new ArrayList<>();
      int i = 0;
      for (Node item : seq.getValue()) {
        items.add(convert(label, item, path + "[" + i++ + "]", problems));
      }
      return new YamlNode.Sequence(loc, path, items);
    }
    MappingNode map = (MappingNode) node;
    Map<String, YamlNode> entries = new LinkedHashMap<>();
    Map<String, Location> keyLocations = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      Node keyNode = t.getKeyNode();
      Location keyLoc = keyNode.getStartMark().map(m -> location(label, m)).orElse(loc);
      if (!(keyNode instanceof ScalarNode k)) {
        problems.add(new Problem(keyLoc, path, "keys must be plain scalars"));
        continue;
      }
      String key = k.getValue();
      String childPath = path.isEmpty() ? key : path + "." + key;
      if (entries.containsKey(key)) {
        problems.add(new Problem(keyLoc, childPath, "duplicate key (first at " + keyLocations.get(key) + ")"));
        continue;
      }
      keyLocations.put(key, keyLoc);
      entries.put(key, convert(label, t.getValueNode(), childPath, problems));
    }
    return new YamlNode.Mapping(loc, path, entries, keyLocations);
  }

  private static Location location(String label, Mark m) {
    return new Location(label, m.getLine() + 1, m.getColumn() + 1);
  }
}
