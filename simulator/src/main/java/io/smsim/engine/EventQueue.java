package io.smsim.engine;

import java.util.Arrays;

/**
 * A priority queue of events on primitive arrays: no allocation per event once warmed up.
 *
 * <p>Ordering is by time, then by class, then by insertion sequence: at the same instant, boundary
 * events (added with {@code boundary = true}, e.g. the closing of a metrics bucket) fire before
 * ordinary ones, and events of a class fire in the order they were scheduled (deterministic
 * tie-breaking). The heap is 4-ary (shallower than a
 * binary heap: fewer cache misses per sift, see LaMarca &amp; Ladner, "The influence of caches on
 * the performance of heaps", 1996); each heap entry is two {@code long}s held inline — the time and
 * a key packing the class (bit 62), the sequence number (38 bits) and a payload slot (low 24 bits)
 * — so sifting never touches the payload arrays.
 *
 * <p>Payloads ({@code type}, {@code entity}, {@code arg}) live in slots recycled through a free
 * list. A handle is {@code generation << 32 | slot}; cancelling checks the generation, so a stale
 * handle (the event already fired or was cancelled) is refused instead of hitting a recycled slot.
 * Cancelled events stay in the heap and are skipped when they reach the top (lazy deletion).
 */
public final class EventQueue {

  static final int SLOT_BITS = 24;
  static final int MAX_SLOTS = 1 << SLOT_BITS;
  private static final long SLOT_MASK = MAX_SLOTS - 1;
  private static final long MAX_SEQ = (1L << 38) - 1;
  private static final long ORDINARY = 1L << 62;
  private static final int CANCELLED = Integer.MIN_VALUE;
  private static final int ARITY_SHIFT = 2; // 4-ary

  private long[] times;
  private long[] keys;
  private int size;

  private int[] slotType;
  private int[] slotEntity;
  private long[] slotArg;
  private int[] slotGeneration;
  private int[] freeSlots;
  private int freeTop;
  private int slotsUsed;

  private long nextSeq;
  private int cancelledPending;

  // The event most recently removed by poll().
  private long polledTime;
  private int polledType;
  private int polledEntity;
  private long polledArg;

  public EventQueue() {
    this(1024);
  }

  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    times = new long[cap];
    keys = new long[cap];
    slotType = new int[cap];
    slotEntity = new int[cap];
    slotArg = new long[cap];
    slotGeneration = new int[cap];
    freeSlots = new int[cap];
  }

  /**
   * Adds an ordinary event and returns its handle for {@link #cancel(long)}.
   *
   * @param type the event type (any value but {@link Integer#MIN_VALUE})
   */
  public long add(long timeNanos, int type, int entity, long arg) {
    return add(timeNanos, type, entity, arg, false);
  }

  /**
   * Adds an event; a boundary event fires before every ordinary event at the same time.
   */
  public long add(long timeNanos, int type, int entity, long arg, boolean boundary) {
    if (type == CANCELLED) {
      throw new IllegalArgumentException("event type reserved: " + type);
    }
    int slot = allocateSlot();
    slotType[slot] = type;
    slotEntity[slot] = entity;
    slotArg[slot] = arg;
    if (size == times.length) {
      times = Arrays.copyOf(times, size * 2);
      keys = Arrays.copyOf(keys, size * 2);
    }
    if (nextSeq > MAX_SEQ) {
      throw new IllegalStateException("more than " + MAX_SEQ + " events scheduled");
    }
    long key = (boundary ? 0 : ORDINARY) | (nextSeq++ << SLOT_BITS) | slot;
    siftUp(size++, timeNanos, key);
    return ((long) slotGeneration[slot] << 32) | slot;
  }

  /** Cancels a pending event; returns false when the handle is stale (fired or cancelled already). */
  public boolean cancel(long handle) {
    int slot = (int) (handle & 0xFFFF_FFFFL);
    int generation = (int) (handle >>> 32);
    if (slot < 0 || slot >= slotsUsed || slotGeneration[slot] != generation
        || slotType[slot] == CANCELLED) {
      return false;
    }
    slotType[slot] = CANCELLED;
    cancelledPending++;
    return true;
  }

  /** Whether no live (uncancelled) event is pending. */
  public boolean isEmpty() {
    skipCancelled();
    return size == 0;
  }

  /** Time of the earliest live event; only valid when {@link #isEmpty()} is false. */
  public long peekTime() {
    skipCancelled();
    return times[0];
  }

  /** Number of live events pending. */
  public int size() {
    return size - cancelledPending;
  }

  /**
   * Removes the earliest live event; read it with {@link #polledTime()}, {@link #polledType()},
   * {@link #polledEntity()}, {@link #polledArg()}. Returns false when the queue is empty.
   */
  public boolean poll() {
    while (size > 0) {
      long key = keys[0];
      long time = times[0];
      removeTop();
      int slot = (int) (key & SLOT_MASK);
      int type = slotType[slot];
      freeSlot(slot);
      if (type == CANCELLED) {
        cancelledPending--;
        continue;
      }
      polledTime = time;
      polledType = type;
      polledEntity = slotEntity[slot];
      polledArg = slotArg[slot];
      return true;
    }
    return false;
  }

  public long polledTime() {
    return polledTime;
  }

  public int polledType() {
    return polledType;
  }

  public int polledEntity() {
    return polledEntity;
  }

  public long polledArg() {
    return polledArg;
  }

  private void skipCancelled() {
    while (cancelledPending > 0 && size > 0) {
      int slot = (int) (keys[0] & SLOT_MASK);
      if (slotType[slot] != CANCELLED) {
        return;
      }
      removeTop();
      freeSlot(slot);
      cancelledPending--;
    }
  }

  private void removeTop() {
    int last = --size;
    if (last > 0) {
      siftDown(0, times[last], keys[last]);
    }
  }

  private void siftUp(int index, long time, long key) {
    int i = index;
    while (i > 0) {
      int parent = (i - 1) >>> ARITY_SHIFT;
      long pt = times[parent];
      if (pt < time || (pt == time && keys[parent] < key)) {
        break;
      }
      times[i] = pt;
      keys[i] = keys[parent];
      i = parent;
    }
    times[i] = time;
    keys[i] = key;
  }

  private void siftDown(int index, long time, long key) {
    int i = index;
    int n = size;
    while (true) {
      int first = (i << ARITY_SHIFT) + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      long bt = times[first];
      long bk = keys[first];
      int end = Math.min(first + 4, n);
      for (int c = first + 1; c < end; c++) {
        long ct = times[c];
        if (ct < bt || (ct == bt && keys[c] < bk)) {
          best = c;
          bt = ct;
          bk = keys[c];
        }
      }
      if (time < bt || (time == bt && key < bk)) {
        break;
      }
      times[i] = bt;
      keys[i] = bk;
      i = best;
    }
    times[i] = time;
    keys[i] = key;
  }

  private int allocateSlot() {
    if (freeTop > 0) {
      return freeSlots[--freeTop];
    }
    if (slotsUsed == MAX_SLOTS) {
      throw new IllegalStateException("more than " + MAX_SLOTS + " pending events");
    }
    if (slotsUsed == slotType.length) {
      int cap = Math.min(MAX_SLOTS, slotsUsed * 2);
      slotType = Arrays.copyOf(slotType, cap);
      slotEntity = Arrays.copyOf(slotEntity, cap);
      slotArg = Arrays.copyOf(slotArg, cap);
      slotGeneration = Arrays.copyOf(slotGeneration, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotsUsed++;
  }

  private void freeSlot(int slot) {
    slotGeneration[slot]++;
    freeSlots[freeTop++] = slot;
  }
}
