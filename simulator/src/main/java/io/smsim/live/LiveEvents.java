package io.smsim.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What happened to the servers (faults, failovers, restarts, reaper runs), newest last, in virtual
 * time: a bounded log for {@code /admin/status} and a line per event for the console.
 */
final class LiveEvents {

  /** One event; {@code at} is the virtual time (ISO-8601 UTC), {@code atLocal} the same in the scenario zone. */
  record Event(String at, String atLocal, String region, String kind, String server, String detail) {
    @Override
    public String toString() {
      return atLocal + " " + region + " " + kind + (server.isEmpty() ? "" : " " + server)
          + (detail.isEmpty() ? "" : " (" + detail + ")");
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
