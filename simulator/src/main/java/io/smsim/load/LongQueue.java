package io.smsim.load;

/** A growable FIFO of {@code long}s (sequence numbers waiting for a connection), no boxing. */
final class LongQueue {

  private long[] items = new long[64];
  private int head;
  private int size;

  void add(long value) {
    if (size == items.length) {
      long[] bigger = new long[items.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = items[(head + i) & (items.length - 1)];
      }
      items = bigger;
      head = 0;
    }
    items[(head + size) & (items.length - 1)] = value;
    size++;
  }

  long poll() {
    if (size == 0) {
      throw new IllegalStateException("empty");
    }
    long v = items[head];
    head = (head + 1) & (items.length - 1);
    size--;
    return v;
  }

  boolean isEmpty() {
    return size == 0;
  }

  int size() {
    return size;
  }
}
