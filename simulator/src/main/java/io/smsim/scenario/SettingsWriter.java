package io.smsim.scenario;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Writes settings (with the paths of {@code --set}) into a scenario's YAML text and keeps everything
 * else as it was written:
 * comments, order, layout. A setting written in the file has its value replaced where it
 * stands; one that is not (a region's value that comes from {@code defaults}) is inserted under
 * its deepest existing parent, in that parent's style (a block key line or a flow entry). Each
 * changed line gets a comment, replacing one that was there; a header block of comments, after
 * the file's opening comments, says what changed and why (a previous such block is replaced).
 * {@code smsim calibrate} writes the calibrated scenario with it.
 * Positions come from SnakeYAML Engine's composer (line and column marks).
 */
public final class SettingsWriter {

  public static final String HEADER_START = "# ---- calibrated by smsim calibrate ";
  public static final String HEADER_END = "# ---- end of calibration notes";

  /** One setting to write: its {@code --set} path, its value as YAML text, the comment for its line. */
  public record Edit(String path, String value, String comment) {
  }

  private record Op(int at, int length, String text) {
  }

  private final String text;
  private final int[] lineStarts;
  private final List<Op> ops = new ArrayList<>();
  private final Map<Integer, List<String>> comments = new LinkedHashMap<>();

  private SettingsWriter(String text) {
    this.text = text;
    List<Integer> starts = new ArrayList<>(List.of(0));
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * @param header the lines of the header block (without {@code #}), or empty for none
   * @throws IllegalArgumentException when a setting cannot be placed (its path runs through a list
   *     item that does not exist, or a parent that is not a mapping)
   */
  public static String rewrite(String text, List<Edit> edits, List<String> header) {
    SettingsWriter w = new SettingsWriter(text);
    Node root = new Compose(LoadSettings.builder().setLabel("calibrated").build())
        .composeReader(new StringReader(text)).orElseThrow(() -> new IllegalArgumentException("the scenario is empty"));
    for (Edit e : edits) {
      w.place(root, e);
    }
    w.commentOps();
    if (!header.isEmpty()) {
      w.header(header);
    }
    return w.apply();
  }

  private void place(Node root, Edit e) {
    List<String> parts = Overrides.splitPath(e.path());
    Node node = root;
    int i = 0;
    for (; i < parts.size(); i++) {
      Optional<Node> child = child(node, parts.get(i));
      if (child.isEmpty()) {
        break;
      }
      node = child.get();
    }
    if (i == parts.size()) {
      if (!(node instanceof ScalarNode)) {
        throw new IllegalArgumentException(e.path() + " is not a single value in the scenario, cannot set it");
      }
      int start = offset(node.getStartMark().orElseThrow());
      int end = offset(node.getEndMark().orElseThrow());
      ops.add(new Op(start, end - start, e.value()));
      comment(lineOf(start), e.comment());
      return;
    }
    List<String> rest = parts.subList(i, parts.size());
    for (String r : rest) {
      if (r.startsWith("[")) {
        throw new IllegalArgumentException(e.path() + ": the scenario has no list item " + r + " to set");
      }
    }
    if (!(node instanceof MappingNode map)) {
      throw new IllegalArgumentException(e.path() + ": " + String.join(".", parts.subList(0, i))
          + " is not a mapping in the scenario, cannot add " + rest.get(0) + " to it");
    }
    if (map.getFlowStyle() == FlowStyle.FLOW) {
      int close = offset(map.getEndMark().orElseThrow()) - 1;
      while (close > 0 && text.charAt(close) != '}') {
        close--;
      }
      StringBuilder b = new StringBuilder(map.getValue().isEmpty() ? "" : ", ");
      for (int k = 0; k < rest.size(); k++) {
        b.append(rest.get(k)).append(": ").append(k == rest.size() - 1 ? e.value() : "{");
      }
      b.append("}".repeat(rest.size() - 1));
      ops.add(new Op(close, 0, b.toString()));
      comment(lineOf(close), e.comment());
      return;
    }
    Node firstKey = map.getValue().get(0).getKeyNode();
    int keyAt = offset(firstKey.getStartMark().orElseThrow());
    int line = lineOf(keyAt);
    int indent = firstKey.getStartMark().orElseThrow().getColumn();
    StringBuilder b = new StringBuilder();
    for (int k = 0; k < rest.size(); k++) {
      b.append(" ".repeat(indent + 2 * k)).append(rest.get(k)).append(':');
      if (k == rest.size() - 1) {
        b.append(' ').append(e.value()).append("  # ").append(e.comment());
      }
      b.append('\n');
    }
    ops.add(new Op(lineStarts[line], 0, b.toString()));
  }

  private static Optional<Node> child(Node node, String part) {
    if (part.startsWith("[") && node instanceof SequenceNode seq) {
      int i;
      try {
        i = Integer.parseInt(part.substring(1, part.length() - 1));
      } catch (NumberFormatException ex) {
        return Optional.empty();
      }
      return i >= 0 && i < seq.getValue().size() ? Optional.of(seq.getValue().get(i)) : Optional.empty();
    }
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(part)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  private void comment(int line, String comment) {
    comments.computeIfAbsent(line, l -> new ArrayList<>()).add(comment);
  }

  /** One comment per changed line: replaces the line's own comment, or is appended. */
  private void commentOps() {
    for (Map.Entry<Integer, List<String>> c : comments.entrySet()) {
      int start = lineStarts[c.getKey()];
      int end = text.indexOf('\n', start);
      end = end < 0 ? text.length() : end;
      int hash = commentStart(start, end);
      String comment = "# " + String.join("; ", c.getValue());
      if (hash >= 0) {
        ops.add(new Op(hash, end - hash, comment));
      } else {
        ops.add(new Op(end, 0, "  " + comment));
      }
    }
  }

  /** Where a line's comment starts: a # at the line's start or after a blank, outside quotes; -1 when none. */
  private int commentStart(int start, int end) {
    char quote = 0;
    for (int i = start; i < end; i++) {
      char ch = text.charAt(i);
      if (quote != 0) {
        quote = ch == quote ? 0 : quote;
      } else if (ch == '"' || ch == '\'') {
        quote = ch;
      } else if (ch == '#' && (i == start || Character.isWhitespace(text.charAt(i - 1)))) {
        return i;
      }
    }
    return -1;
  }

  /** The header block after the opening comments, replacing an earlier one. */
  private void header(List<String> lines) {
    StringBuilder b = new StringBuilder();
    for (String l : lines) {
      b.append(l.isEmpty() ? "#" : "# " + l).append('\n');
    }
    int old = text.indexOf(HEADER_START);
    if (old >= 0 && (old == 0 || text.charAt(old - 1) == '\n')) {
      int endMarker = text.indexOf(HEADER_END, old);
      if (endMarker >= 0) {
        int end = text.indexOf('\n', endMarker);
        ops.add(new Op(old, (end < 0 ? text.length() : end + 1) - old, b.toString()));
        return;
      }
    }
    int line = 0;
    while (line < lineStarts.length && text.startsWith("#", lineStarts[line])) {
      line++;
    }
    int at = line < lineStarts.length ? lineStarts[line] : text.length();
    ops.add(new Op(at, 0, (line > 0 ? "#\n" : "") + b));
  }

  private String apply() {
    List<Op> sorted = new ArrayList<>(ops);
    sorted.sort(Comparator.comparingInt(Op::at).reversed());
    StringBuilder b = new StringBuilder(text);
    for (Op op : sorted) {
      b.replace(op.at(), op.at() + op.length(), op.text());
    }
    return b.toString();
  }

  private int offset(Mark m) {
    return text.offsetByCodePoints(lineStarts[m.getLine()], m.getColumn());
  }

  private int lineOf(int offset) {
    int lo = 0;
    int hi = lineStarts.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (lineStarts[mid] <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}
