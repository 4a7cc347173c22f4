package io.smsim.engine;

import java.util.Arrays;

/**
 * The pending-event set of a discrete-event simulation, on primitive arrays: no allocation per
 * event once warmed up.
 *
 * <p><b>Order.</b> By time, then by class, then by insertion sequence: at the same instant,
 * boundary events (added with {@code boundary = true}, e.g. the closing of a metrics bucket) fire
 * before ordinary ones, and events of a class fire in the order they were scheduled.
 *
 * <p><b>Structure: multi-level buckets</b>, a radix heap with 256-way digits (Denardo &amp; Fox,
 * "Shortest-route methods: reaching, pruning, and buckets", Operations Research 1979; Cherkassky,
 * Goldberg &amp; Silverstein, "Buckets, heaps, lists, and monotone priority queues", SIAM J. Computing
 * 1999). It needs only that the queue is <em>monotone</em>: no event is added before the last one
 * polled, which is always true of simulated time. Times are read as eight base-256 digits. An event
 * whose time first differs from the last polled time {@code last} in digit {@code L} goes to bucket
 * (L, its digit L); events at exactly {@code last} go to the <em>current</em> list, kept sorted by
 * (class, sequence). Adding is an append. Polling takes from the current list; when it is empty the
 * lowest non-empty bucket holds the minimum: level 0 buckets hold a single time each and move as a
 * whole to the current list; a higher bucket is scanned for its minimum, which becomes {@code last},
 * and its events are redistributed to lower levels. An event moves at most once per level — in
 * practice two or three times, by sequential copies — which is why this beats a heap at a million
 * pending events (a heap's sift touches a random cache line per level).
 *
 * <p>Bucket entries are four longs: time, key, {@code type << 32 | entity}, and {@code arg}, so an
 * event's payload travels with it and polling never chases a pointer. The key packs the class
 * (bit 62), the sequence number (38 bits) and a slot (24 bits) recycled through a free list.
 *
 * <p><b>Cancellation.</b> A handle is {@code sequence << 24 | slot}; cancelling checks that the slot
 * still holds that sequence and is pending (one long per slot), so a stale handle (fired, cancelled,
 * slot reused) is refused. Cancelled events stay in their bucket and are dropped when
 * they come out.
 */
public final class EventQueue {

  static final int SLOT_BITS = 24;
  static final int MAX_SLOTS = 1 << SLOT_BITS;
  private static final long SLOT_MASK = MAX_SLOTS - 1;
  private static final long MAX_SEQ = (1L << 38) - 1;
  private static final long ORDINARY = 1L << 62;
  /** {@code slotSeq} of a free slot; a pending event's sequence is ≥ 0, a cancelled one's has this bit. */
  private static final long FREE = -1;
  private static final long CANCELLED_BIT = 1L << 62;
  /** longs per entry: time, key, type << 32 | entity, arg. */
  private static final int W = 4;
  private static final int LEVELS = 8;
  private static final int DIGITS = 256;
  /** Buckets up to this size are insertion-sorted straight into the current run. */
  private static final int SORT_AT_MOST = 48;
  /**
   * Level-2 buckets (a 65 µs span) up to this size are sorted into the run by a primitive sort.
   * Higher levels are not: a run spanning milliseconds would take later additions by linear insertion.
   */
  private static final int PACKED_SORT_AT_MOST = 2048;
  /**
   * Level-2 buckets larger than this (and up to 512) are counting-sorted by their second digit
   * instead, leaving only ties of that digit (about n/256 per entry) to the run's insertion sort.
   */
  private static final int COUNTING_SORT_LEVEL2_ABOVE = 32;
  /**
   * A drained bucket whose array holds more entries than this gives it back: every digit's bucket
   * takes its turn at being large as time advances, so keeping each one's peak would make memory
   * grow with the run instead of with the events pending.
   */
  private static final int KEEP_AT_MOST = 512;
  /** Large arrays kept for reuse by the next bucket that grows past {@link #KEEP_AT_MOST}. */
  private static final int SPARES = 8;

  /** Bucket (level, digit) at index level * 256 + digit: entries of {@link #W} longs, {@code sizes[i]} of them. */
  private final long[][] buckets = new long[LEVELS * DIGITS][];
  private final int[] sizes = new int[LEVELS * DIGITS];
  private final long[][] spare = new long[SPARES][];
  private final int[] digitCounts = new int[DIGITS + 1];
  private long[] packed = new long[64];
  private int spares;
  /** Per level, 256 bits: which digits' buckets are non-empty. */
  private final long[] occupied = new long[LEVELS * 4];
  /** Bit L set when level L has a non-empty bucket. */
  private int levelsOccupied;
  /**
   * The current run: events sorted by (time, key), consumed from {@code head}. It holds the events
   * of the bucket being drained — all at one time, or, when that bucket was small, the whole bucket
   * sorted at once (as a ladder queue's bottom rung does; Tang, Goh &amp; Thng, "Ladder queue: an O(1)
   * priority queue structure for large-scale discrete event simulation", TOMACS 2005).
   */
  private long[] current = new long[16 * W];
  private int currentSize;
  private int head;
  /** Latest time in the current run: later events go to the buckets, earlier ones into the run. */
  private long runMax = Long.MIN_VALUE;
  /** The buckets' base: every bucketed event is at or after it; levels are counted from it. */
  private long last;
  /** Time of the last event polled: nothing may be added before it. */
  private long lastPolled;
  private int count;

  /**
   * Per slot: the sequence number of the pending event it holds (handle checks), with
   * {@link #CANCELLED_BIT} once cancelled, or {@link #FREE}.
   */
  private long[] slotSeq;
  private int[] freeSlots;
  private int freeTop;
  private int slotsUsed;

  private long nextSeq;
  private int cancelledPending;

  private long polledTime;
  private int polledType;
  private int polledEntity;
  private long polledArg;

  public EventQueue() {
    this(1024);
  }

  public EventQueue(int initialCapacity) {
    int cap = Math.max(16, initialCapacity);
    slotSeq = new long[cap];
    freeSlots = new int[cap];
  }

  /**
   * Adds an ordinary event and returns its handle for {@link #cancel(long)}.
   *
   * @param type the event type (any int)
   */
  public long add(long timeNanos, int type, int entity, long arg) {
    return add(timeNanos, type, entity, arg, false);
  }

  /**
   * Adds an event; a boundary event fires before every ordinary event at the same time.
   *
   * @throws IllegalArgumentException if {@code timeNanos} precedes the last event polled
   */
  public long add(long timeNanos, int type, int entity, long arg, boolean boundary) {
    if (timeNanos < lastPolled) {
      throw new IllegalArgumentException("event at " + timeNanos + " precedes the last polled event at "
          + lastPolled);
    }
    if (nextSeq > MAX_SEQ) {
      throw new IllegalStateException("more than " + MAX_SEQ + " events scheduled");
    }
    int slot = allocateSlot();
    long seq = nextSeq++;
    slotSeq[slot] = seq;
    long key = (boundary ? 0 : ORDINARY) | (seq << SLOT_BITS) | slot;
    long meta = ((long) type << 32) | (entity & 0xFFFF_FFFFL);
    if (timeNanos <= runMax && head < currentSize) {
      insertIntoRun(timeNanos, key, meta, arg);
    } else {
      place(timeNanos, key, meta, arg);
    }
    count++;
    return (seq << SLOT_BITS) | slot;
  }

  /** Cancels a pending event; returns false when the handle is stale (fired or cancelled already). */
  public boolean cancel(long handle) {
    if (handle < 0) {
      return false;
    }
    int slot = (int) (handle & SLOT_MASK);
    long seq = handle >>> SLOT_BITS;
    if (slot >= slotsUsed || slotSeq[slot] != seq) {
      return false; // fired, freed, reused, or already cancelled (the bit makes it differ)
    }
    slotSeq[slot] = seq | CANCELLED_BIT;
    cancelledPending++;
    return true;
  }

  /** Whether no live (uncancelled) event is pending. */
  public boolean isEmpty() {
    return count == cancelledPending;
  }

  /** Time of the earliest live event; only valid when {@link #isEmpty()} is false. */
  public long peekTime() {
    while (true) {
      if (head == currentSize && !refill()) {
        throw new IllegalStateException("empty queue");
      }
      int slot = (int) (current[W * head + 1] & SLOT_MASK);
      if ((slotSeq[slot] & CANCELLED_BIT) == 0) {
        return current[W * head];
      }
      head++;
      release(slot);
      count--;
      cancelledPending--;
    }
  }

  /** Number of live events pending. */
  public int size() {
    return count - cancelledPending;
  }

  /**
   * Removes the earliest live event; read it with {@link #polledTime()}, {@link #polledType()},
   * {@link #polledEntity()}, {@link #polledArg()}. Returns false when the queue is empty.
   */
  public boolean poll() {
    int h = head;
    if (h < currentSize && cancelledPending == 0) {
      // fast path, small enough to inline into the kernel's loop: the next event is in the run
      long[] c = current;
      int i = W * h;
      head = h + 1;
      count--;
      long time = c[i];
      long meta = c[i + 2];
      release((int) (c[i + 1] & SLOT_MASK));
      lastPolled = time;
      polledTime = time;
      polledType = (int) (meta >> 32);
      polledEntity = (int) meta;
      polledArg = c[i + 3];
      return true;
    }
    return pollSlow();
  }

  private boolean pollSlow() {
    while (true) {
      if (head == currentSize && !refill()) {
        return false;
      }
      long[] c = current;
      int i = W * head;
      int slot = (int) (c[i + 1] & SLOT_MASK);
      head++;
      count--;
      lastPolled = c[i];
      boolean cancelled = (slotSeq[slot] & CANCELLED_BIT) != 0;
      release(slot);
      if (cancelled) {
        cancelledPending--;
        continue;
      }
      long meta = c[i + 2];
      polledTime = c[i];
      polledType = (int) (meta >> 32);
      polledEntity = (int) meta;
      polledArg = c[i + 3];
      return true;
    }
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

  /** Puts an event in the current list (at {@code last}) or in its bucket. */
  private void place(long time, long key, long meta, long arg) {
    long x = time ^ last;
    if (x == 0) {
      insertIntoRun(time, key, meta, arg);
      return;
    }
    int level = (63 - Long.numberOfLeadingZeros(x)) >>> 3;
    int digit = (int) (time >>> (level << 3)) & (DIGITS - 1);
    int b = level * DIGITS + digit;
    long[] a = buckets[b];
    int n = sizes[b];
    if (a == null) {
      a = new long[4 * W];
      buckets[b] = a;
    } else if (W * n == a.length) {
      a = grow(a);
      buckets[b] = a;
    }
    int i = W * n;
    a[i] = time;
    a[i + 1] = key;
    a[i + 2] = meta;
    a[i + 3] = arg;
    sizes[b] = n + 1;
    if (n == 0) {
      occupied[level * 4 + (digit >>> 6)] |= 1L << digit;
      levelsOccupied |= 1 << level;
    }
  }

  /**
   * The current list is exhausted: move the lowest non-empty bucket's minimum time into it, and
   * redistribute the rest of that bucket to lower levels. Returns false when nothing is pending.
   */
  private boolean refill() {
    head = 0;
    currentSize = 0;
    runMax = Long.MIN_VALUE;
    if (levelsOccupied == 0) {
      return false;
    }
    int level = Integer.numberOfTrailingZeros(levelsOccupied);
    int word = level * 4;
    while (occupied[word] == 0) {
      word++;
    }
    int digit = ((word - level * 4) << 6) + Long.numberOfTrailingZeros(occupied[word]);
    int b = level * DIGITS + digit;
    long[] src = buckets[b];
    int n = sizes[b];
    sizes[b] = 0;
    boolean giveBack = src.length > W * KEEP_AT_MOST;
    if (giveBack) {
      buckets[b] = null; // entries go to lower levels or the run, never back here
    }
    occupied[word] &= ~(1L << digit);
    if (occupied[level * 4] == 0 && occupied[level * 4 + 1] == 0 && occupied[level * 4 + 2] == 0
        && occupied[level * 4 + 3] == 0) {
      levelsOccupied &= ~(1 << level);
    }
    long min = src[0];
    long max = src[0];
    for (int i = W; i < W * n; i += W) {
      long t = src[i];
      if (t < min) {
        min = t;
      } else if (t > max) {
        max = t;
      }
    }
    last = min;
    if (n <= SORT_AT_MOST || level <= 1 || (level == 2 && n <= PACKED_SORT_AT_MOST)) {
      intoRun(src, n, level, max);
    } else {
      redistribute(src, n);
    }
    if (giveBack && spares < SPARES) {
      spare[spares++] = src; // only now: place() may have taken a spare while src was being read
    }
    return true;
  }

  /**
   * A small bucket, or one whose times differ only in the lowest digit, becomes the run, sorted;
   * later additions up to its latest time join the run.
   */
  private void intoRun(long[] src, int n, int level, long max) {
    if (current.length < W * n) {
      current = new long[Math.max(current.length * 2, W * n)];
    }
    if (level == 0 || n <= 8 || level > 3) {
      System.arraycopy(src, 0, current, 0, W * n);
    } else if (level == 1 && n > 16) {
      countingSortByDigit(src, n, 0, current);
    } else if (level == 2 && n > COUNTING_SORT_LEVEL2_ABOVE && n <= 2 * DIGITS) {
      countingSortByDigit(src, n, 8, current);
    } else {
      packedSort(src, n, level, current);
    }
    sortRun(current, n);
    currentSize = n;
    runMax = max;
  }

  /** Moves a bucket's events to lower levels (or the run), relative to the new {@code last}. */
  private void redistribute(long[] src, int n) {
    for (int i = 0; i < W * n; i += W) {
      place(src[i], src[i + 1], src[i + 2], src[i + 3]);
    }
  }

  /** A bigger array for a bucket: a spare one when large enough, else a copy twice the size. */
  private long[] grow(long[] a) {
    int wanted = a.length * 2;
    if (wanted > W * KEEP_AT_MOST) {
      for (int i = 0; i < spares; i++) {
        if (spare[i].length >= wanted) {
          long[] s = spare[i];
          spare[i] = spare[--spares];
          spare[spares] = null;
          System.arraycopy(a, 0, s, 0, a.length);
          return s;
        }
      }
    }
    return Arrays.copyOf(a, wanted);
  }

  /**
   * Stable counting sort by the digit at {@code shift} into {@code out}: linear passes instead of
   * 256 lower buckets or a comparison sort. A level-1 bucket (its times differ only in the lowest
   * digit) comes out in time order; a level-2 bucket in time order but within ties of its second
   * digit. Equal keys keep their bucket order; {@link #sortRun} finishes the order by (time, key).
   */
  private void countingSortByDigit(long[] src, int n, int shift, long[] out) {
    int[] counts = digitCounts;
    java.util.Arrays.fill(counts, 0);
    for (int i = 0; i < W * n; i += W) {
      counts[((int) (src[i] >>> shift) & (DIGITS - 1)) + 1]++;
    }
    for (int d = 0; d < DIGITS; d++) {
      counts[d + 1] += counts[d];
    }
    for (int i = 0; i < W * n; i += W) {
      int pos = W * counts[(int) (src[i] >>> shift) & (DIGITS - 1)]++;
      out[pos] = src[i];
      out[pos + 1] = src[i + 1];
      out[pos + 2] = src[i + 2];
      out[pos + 3] = src[i + 3];
    }
  }

  /**
   * Sorts a bucket of level 1 to 3 into {@code out} by time: its times differ only in their lowest
   * {@code 8 * level} bits, which with the entry's index fit one {@code long}, so a primitive sort
   * does it. Equal times keep their bucket order; {@link #sortRun} then orders them by key.
   */
  private void packedSort(long[] src, int n, int level, long[] out) {
    if (packed.length < n) {
      packed = new long[Math.max(n, packed.length * 2)];
    }
    long[] p = packed;
    long mask = (1L << (8 * level)) - 1;
    for (int i = 0; i < n; i++) {
      p[i] = ((src[W * i] & mask) << 31) | i;
    }
    Arrays.sort(p, 0, n);
    for (int i = 0; i < n; i++) {
      int from = W * (int) (p[i] & 0x7FFF_FFFFL);
      System.arraycopy(src, from, out, W * i, W);
    }
  }

  /**
   * Insertion sort of the first {@code n} entries by (time, key): runs are small, or already in
   * time order from the counting sort, when only ties move.
   */
  private static void sortRun(long[] a, int n) {
    for (int i = 1; i < n; i++) {
      long t = a[W * i];
      long k = a[W * i + 1];
      if (a[W * (i - 1)] < t || (a[W * (i - 1)] == t && a[W * (i - 1) + 1] < k)) {
        continue;
      }
      long m = a[W * i + 2];
      long g = a[W * i + 3];
      int j = i;
      while (j > 0 && (a[W * (j - 1)] > t || (a[W * (j - 1)] == t && a[W * (j - 1) + 1] > k))) {
        System.arraycopy(a, W * (j - 1), a, W * j, W);
        j--;
      }
      a[W * j] = t;
      a[W * j + 1] = k;
      a[W * j + 2] = m;
      a[W * j + 3] = g;
    }
  }

  /** Adds an event no later than the run's maximum into the run, in (time, key) order. */
  private void insertIntoRun(long time, long key, long meta, long arg) {
    long[] a = current;
    int n = currentSize;
    if (W * n == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
      current = a;
    }
    int i = n;
    while (i > head && (a[W * (i - 1)] > time || (a[W * (i - 1)] == time && a[W * (i - 1) + 1] > key))) {
      i--;
    }
    System.arraycopy(a, W * i, a, W * (i + 1), W * (n - i));
    int j = W * i;
    a[j] = time;
    a[j + 1] = key;
    a[j + 2] = meta;
    a[j + 3] = arg;
    currentSize = n + 1;
  }

  /** Entries the bucket and run arrays can hold without growing (for memory tests). */
  long retainedCapacity() {
    long total = current.length / W;
    for (long[] a : buckets) {
      total += a == null ? 0 : a.length / W;
    }
    for (int i = 0; i < spares; i++) {
      total += spare[i].length / W;
    }
    return total;
  }

  private void release(int slot) {
    slotSeq[slot] = FREE;
    freeSlots[freeTop++] = slot;
  }

  private int allocateSlot() {
    if (freeTop > 0) {
      return freeSlots[--freeTop];
    }
    if (slotsUsed == MAX_SLOTS) {
      throw new IllegalStateException("more than " + MAX_SLOTS + " pending events");
    }
    if (slotsUsed == slotSeq.length) {
      int cap = Math.min(MAX_SLOTS, slotsUsed * 2);
      slotSeq = Arrays.copyOf(slotSeq, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotsUsed++;
  }
}
