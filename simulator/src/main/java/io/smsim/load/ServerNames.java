package io.smsim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server names one run has seen in the response header named by {@code --server-header} (the
 * instance that answered, as the servers or the load balancer name it), each with a small slot for
 * the primitive per-tenth counters of {@link AnswerSeries}. Slot {@link #NONE} is an answer
 * without the header; names are added as they appear, up to {@link #MAX} slots, and further names
 * share {@link #OTHER}. Thread-safe: every worker's connections register names.
 */
final class ServerNames {

  static final int MAX = 8;
  static final int NONE = 0;
  static final int OTHER = MAX - 1;
  /** The label of slot {@link #NONE}. */
  static final String NONE_NAME = "(no header)";
  static final String OTHER_NAME = "(other)";

  private final ConcurrentHashMap<String, Integer> bySlot = new ConcurrentHashMap<>();
  private final String[] names = new String[MAX];
  private int size = 1;

  ServerNames() {
    names[NONE] = NONE_NAME;
    names[OTHER] = OTHER_NAME;
  }

  /** The slot of a header value ({@code null}: no header), registering a new name. */
  int slot(String value) {
    if (value == null || value.isEmpty()) {
      return NONE;
    }
    Integer i = bySlot.get(value);
    return i != null ? i : register(value);
  }

  private synchronized int register(String value) {
    Integer i = bySlot.get(value);
    if (i != null) {
      return i;
    }
    if (size == OTHER) {
      return OTHER;
    }
    String name = value.length() > 64 ? value.substring(0, 64) : value;
    names[size] = name;
    bySlot.put(value, size);
    return size++;
  }

  /** Every slot's label, by slot ({@code null} for slots not in use). */
  synchronized List<String> names() {
    List<String> l = new ArrayList<>(MAX);
    for (String n : names) {
      l.add(n);
    }
    return l;
  }
}
