package io.smsim.scenario;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Bounds a YAML document before anything is composed from it, in one pass over the parser's
 * events (SnakeYAML Engine's parser is a state machine: it does not recurse, so hostile nesting
 * cannot overflow the stack here). It counts the nodes the document would have with every alias
 * expanded, and the nesting depth it would reach, aliases included: an anchor's expanded size and
 * height are recorded when it ends, and an alias adds them where it stands. This stops the
 * "billion laughs" of YAML (each anchor a list of two aliases of the previous one: 2^26 nodes from
 * 26 lines, under any limit on the number of aliases) and deep flow nesting ({@code [[[[...]]]]}),
 * which would otherwise exhaust the heap or the stack of the composer and the binder. The text's
 * length is bounded by {@link LoadSettings#getCodePointLimit()} during the same pass.
 */
final class YamlBounds {

  /** Most nodes a scenario may expand to (the seed scenario: about 1,500). */
  static final int MAX_NODES = 100_000;
  /** Deepest nesting, aliases expanded (the seed scenario: 7). */
  static final int MAX_DEPTH = 64;

  /** Where the first bound was crossed, and which. */
  record Breach(Mark mark, String message) {
  }

  /** Expanded size and height of an anchored node. */
  private record Extent(long nodes, int height) {
  }

  /** A collection being read: where its count started and, if anchored, its anchor. */
  private record Open(Anchor anchor, long nodesAtStart, int depth) {
  }

  private YamlBounds() {
  }

  /**
   * Checks the document; {@code null} when it is within bounds. Syntax errors are thrown by the
   * parser as usual (the composer would report the same).
   */
  static Breach check(LoadSettings settings, java.io.Reader reader) {
    Map<Anchor, Extent> anchors = new HashMap<>();
    Deque<Open> open = new ArrayDeque<>();
    long nodes = 0;
    int depth = 0;
    // the deepest level reached inside each open collection, to give an anchored one its height
    int[] deepest = new int[MAX_DEPTH + 2];
    for (Event e : new Parse(settings).parseReader(reader)) {
      switch (e.getEventId()) {
        case Scalar -> {
          nodes++;
          anchor(anchors, (NodeEvent) e, new Extent(1, 0));
          note(deepest, depth, depth);
        }
        case SequenceStart, MappingStart -> {
          nodes++;
          depth++;
          if (depth > MAX_DEPTH) {
            return new Breach(mark(e), "nested deeper than " + MAX_DEPTH + " levels");
          }
          deepest[depth] = depth;
          open.push(new Open(((NodeEvent) e).getAnchor().orElse(null), nodes - 1, depth));
        }
        case SequenceEnd, MappingEnd -> {
          Open o = open.pop();
          int reached = deepest[depth];
          depth--;
          note(deepest, depth, reached);
          if (o.anchor() != null) {
            anchors.put(o.anchor(), new Extent(nodes - o.nodesAtStart(), reached - o.depth() + 1));
          }
        }
        case Alias -> {
          Extent x = anchors.getOrDefault(((AliasEvent) e).getAlias(), new Extent(1, 0));
          nodes += x.nodes();
          if (depth + x.height() > MAX_DEPTH) {
            return new Breach(mark(e), "alias *" + ((AliasEvent) e).getAlias() + " nests deeper than "
                + MAX_DEPTH + " levels where it stands");
          }
          note(deepest, depth, depth + x.height());
        }
        default -> {
          // stream and document boundaries, comments
        }
      }
      if (nodes > MAX_NODES) {
        return new Breach(mark(e), "the document expands to more than " + String.format("%,d", MAX_NODES)
            + " nodes (aliases counted as the nodes they repeat)");
      }
    }
    return null;
  }

  private static void note(int[] deepest, int depth, int reached) {
    if (depth > 0 && reached > deepest[depth]) {
      deepest[depth] = Math.min(reached, MAX_DEPTH + 1);
    }
  }

  private static void anchor(Map<Anchor, Extent> anchors, NodeEvent e, Extent x) {
    e.getAnchor().ifPresent(a -> anchors.put(a, x));
  }

  private static Mark mark(Event e) {
    return e.getStartMark().orElse(null);
  }
}
