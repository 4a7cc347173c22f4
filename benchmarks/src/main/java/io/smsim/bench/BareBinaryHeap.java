package io.smsim.bench;

/** The simplest fast event list: a binary min-heap of event times in a long array. */
final class BareBinaryHeap {

  private final long[] heap;
  private int size;

  BareBinaryHeap(int capacity) {
    heap = new long[capacity];
  }

  void push(long t) {
    int i = size++;
    while (i > 0) {
      int p = (i - 1) >>> 1;
      if (heap[p] <= t) {
        break;
      }
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  }

  long pop() {
    long top = heap[0];
    long last = heap[--size];
    int i = 0;
    int half = size >>> 1;
    while (i < half) {
      int c = 2 * i + 1;
      long cv = heap[c];
      int r = c + 1;
      if (r < size && heap[r] < cv) {
        c = r;
        cv = heap[r];
      }
      if (last <= cv) {
        break;
      }
      heap[i] = cv;
      i = c;
    }
    heap[i] = last;
    return top;
  }
}
