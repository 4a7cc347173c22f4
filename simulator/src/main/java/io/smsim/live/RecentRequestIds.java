package io.smsim.live;

import io.smsim.duis.RequestId;

/**
 * The RequestIDs of the last {@code capacity} acknowledged requests, so that a request sent again
 * with the same RequestID (same originator, target and counter) is refused instead of being acted
 * on twice. The key is the whole RequestID and nothing else: DUIS's anti-replay rests on the
 * originator's counter, which a Service User makes fresh for every request (DCC's own signing tool
 * rewrites it on every signature unless told to keep it, which DCC's client does only for the
 * signed pre-command that must carry its transform's RequestID), so a second request with the same
 * originator, target and counter is a replay whatever its SRV. The window is a count, not a time: memory stays
 * fixed (a ring of the keys in arrival order and an open-addressing set over them, 24 bytes per
 * entry), and the oldest key leaves when a new one comes. Keys are 64-bit fingerprints of the three
 * fields (SplitMix64 finaliser), so two distinct RequestIDs collide with probability about
 * capacity / 2^64 per request. Thread-safe (one lock; the work is a few array accesses).
 */
final class RecentRequestIds {

  private static final long EMPTY = 0;

  private final long[] ring;
  private final long[] table;
  private final int mask;
  private int next;
  private int size;

  RecentRequestIds(int capacity) {
    if (capacity < 1 || capacity > 1 << 28) {
      throw new IllegalArgumentException("capacity must be in [1, 2^28]: " + capacity);
    }
    ring = new long[capacity];
    int slots = Integer.highestOneBit(capacity * 2 - 1) << 1;
    table = new long[slots];
    mask = slots - 1;
  }

  int capacity() {
    return ring.length;
  }

  /** Records {@code id}; false (and nothing recorded) when it is already in the window. */
  synchronized boolean add(RequestId id) {
    long key = key(id);
    if (contains(key)) {
      return false;
    }
    if (size == ring.length) {
      remove(ring[next]);
    } else {
      size++;
    }
    ring[next] = key;
    next = next + 1 == ring.length ? 0 : next + 1;
    int i = slot(key);
    while (table[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    table[i] = key;
    return true;
  }

  /** Forgets {@code id} again (its request was not admitted after all), if it is the newest. */
  synchronized void undo(RequestId id) {
    long key = key(id);
    int last = next == 0 ? ring.length - 1 : next - 1;
    if (size > 0 && ring[last] == key) {
      remove(key);
      next = last;
      size--;
    }
  }

  private boolean contains(long key) {
    for (int i = slot(key); table[i] != EMPTY; i = (i + 1) & mask) {
      if (table[i] == key) {
        return true;
      }
    }
    return false;
  }

  /** Removes {@code key} with backward-shift deletion (linear probing stays tombstone-free). */
  private void remove(long key) {
    int i = slot(key);
    while (table[i] != key) {
      if (table[i] == EMPTY) {
        return;
      }
      i = (i + 1) & mask;
    }
    int hole = i;
    for (int j = (hole + 1) & mask; table[j] != EMPTY; j = (j + 1) & mask) {
      int home = slot(table[j]);
      // move j's key into the hole if its home is not in (hole, j] cyclically
      if (((j - home) & mask) >= ((j - hole) & mask)) {
        table[hole] = table[j];
        hole = j;
      }
    }
    table[hole] = EMPTY;
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 32)) & mask;
  }

  private static long key(RequestId id) {
    long h = mix(id.originator() * 0x9E3779B97F4A7C15L + id.target());
    h = mix(h ^ id.counter());
    return h == EMPTY ? 1 : h;
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
