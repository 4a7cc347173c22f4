package io.smsim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The outcome codes of one run, each with a small index for primitive per-second counters. Fixed
 * codes come first; response codes seen on the wire are added as they appear, up to {@link #MAX}
 * (beyond that they count as {@code other}). Thread-safe.
 *
 * <p>Names: the success code ({@code I0}, or {@code I99} with {@code --ack-only}); {@code timeout}
 * (acknowledged, no final response in time); {@code timeout:no-ack} (no synchronous answer in
 * time); {@code client:overload} (refused by the generator: too many requests awaiting their
 * acknowledgement); {@code transport:closed} (the connection closed with the request on it);
 * {@code transport:connect} (no connection to the target could be made); a final error code as
 * written ({@code E20}); a synchronous error as {@code ack:E19}; an HTTP answer without a DUIS
 * code as {@code http:404}; with {@code --trust}, a final response whose XML signature was not
 * accepted as {@code signature:<reason>} ({@code signature:missing}, {@code signature:digest_mismatch},
 * {@code signature:unknown_certificate} ...), whatever code it carried; a critical request whose
 * transform gave no pre-command to sign as {@code transform:no-pre-command},
 * {@code transform:bad-pre-command} or (with {@code --ack-only}) {@code transform:pre-command-by-callback}.
 */
final class Codes {

  static final int MAX = 64;
  static final int OK = 0;
  static final int TIMEOUT = 1;
  static final int TIMEOUT_NO_ACK = 2;
  static final int OVERLOAD = 3;
  static final int CLOSED = 4;
  static final int CONNECT = 5;
  static final int OTHER = 6;

  private final ConcurrentHashMap<String, Integer> byName = new ConcurrentHashMap<>();
  private final String[] names = new String[MAX];
  private int size;

  Codes(String okName) {
    for (String n : List.of(okName, "timeout", "timeout:no-ack", "client:overload", "transport:closed",
        "transport:connect", "other")) {
      byName.put(n, size);
      names[size++] = n;
    }
  }

  /** The index of {@code name}, registering it when new. */
  int index(String name) {
    Integer i = byName.get(name);
    return i != null ? i : register(name);
  }

  private synchronized int register(String name) {
    Integer i = byName.get(name);
    if (i != null) {
      return i;
    }
    if (size == MAX) {
      return OTHER;
    }
    names[size] = name;
    byName.put(name, size);
    return size++;
  }

  synchronized String name(int index) {
    return names[index];
  }

  synchronized int size() {
    return size;
  }

  /** Whether the code is one of the timeouts. */
  static boolean isTimeout(int index) {
    return index == TIMEOUT || index == TIMEOUT_NO_ACK;
  }

  synchronized List<String> names() {
    List<String> l = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      l.add(names[i]);
    }
    return l;
  }
}
