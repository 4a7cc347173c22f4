package io.smsim.live;

import io.smsim.model.EventKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * What happened to the servers (faults, failovers, restarts, reaper runs), newest last, in virtual
 * time: a bounded log for {@code /admin/status} and a line per event for the console.
 */
final class LiveEvents {

  /**
   * One event of a region's timeline ({@link io.smsim.model.EventKind} keys); {@code at} is the
   * virtual time (ISO-8601 UTC), {@code atLocal} the same in the scenario zone, {@code value} the
   * count the kind carries (work lost, children reaped), {@code note} a fault's id and source.
   */
  record Event(String at, String atLocal, String region, String kind, String server, long value, String detail,
      String note) {
    @Override
    public String toString() {
      StringJoiner words = new StringJoiner(", ");
      String said = (detail + " " + note).trim();
      for (String w : new String[] {said, kindValue()}) {
        if (!w.isEmpty()) {
          words.add(w);
        }
      }
      return atLocal + " " + region + " " + kind + (server.isEmpty() ? "" : " " + server)
          + (words.length() == 0 ? "" : " (" + words + ")");
    }

    private String kindValue() {
      for (EventKind k : EventKind.values()) {
        if (k.key().equals(kind)) {
          return k.describeValue(value);
        }
      }
      return value == 0 ? "" : String.valueOf(value);
    }
  }

  private static final int KEEP = 200;
  private final ArrayDeque<Event> recent = new ArrayDeque<>();
  private final Consumer<String> sink;

  LiveEvents(Consumer<String> sink) {
    this.sink = sink;
  }

  synchronized void add(Event e) {
    if (recent.size() == KEEP) {
      recent.removeFirst();
    }
    recent.addLast(e);
    sink.accept(e.toString());
  }

  /** A line for the console that is not a server event (e.g. undeliverable responses). */
  void console(String line) {
    sink.accept(line);
  }

  synchronized List<Event> recent() {
    return new ArrayList<>(recent);
  }
}
