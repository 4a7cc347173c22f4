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
 * <p>Bucket entries are (time, key) pairs; the key packs the class (bit 62), the sequence number
 * (38 bits) and a payload slot (24 bits). Payloads ({@code type, entity} and {@code arg}) sit side by
 * side in slots recycled through a free list.
 *
 * <p><b>Cancellation.</b> A handle is {@code sequence << 24 | slot}; cancelling checks that the slot
 * still holds that sequence and is pending, so a stale handle (fired, cancelled, slot reused) is
 * refused. Cancelled events stay in their bucket and are dropped when they come out.
 */
public final class EventQueue {

  static final int SLOT_BITS = 24;
  static final int MAX_SLOTS = 1 << SLOT_BITS;
  private static final long SLOT_MASK = MAX_SLOTS - 1;
  private static final long MAX_SEQ = (1L << 38) - 1;
  private static final long ORDINARY = 1L << 62;
  private static final int CANCELLED = Integer.MIN_VALUE;
  private static final int FREE = Integer.MIN_VALUE + 1;
  private static final int LEVELS = 8;
  private static final int DIGITS = 256;

  /** Bucket (level, digit) at index level * 256 + digit: (time, key) pairs, {@code sizes[i]} of them. */
  private final long[][] buckets = new long[LEVELS * DIGITS][];
  private final int[] sizes = new int[LEVELS * DIGITS];
  /** Per level, 256 bits: which digits' buckets are non-empty. */
  private final long[] occupied = new long[LEVELS * 4];
  /** Bit L set when level L has a non-empty bucket. */
  private int levelsOccupied;
  /** Events at exactly {@code last}, sorted by key, consumed from {@code head}. */
  private long[] current = new long[64];
  private int currentSize;
  private int head;
  private long last;
  private int count;

  /** Per slot: [2s] = type << 32 | entity, [2s+1] = arg. */
  private long[] payload;
  /** Per slot: the sequence number of the event it holds, for handle checks. */
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
    payload = new long[cap * 2];
    slotSeq = new long[cap];
    freeSlots = new int[cap];
  }

  /**
   * Adds an ordinary event and returns its handle for {@link #cancel(long)}.
   *
   * @param type the event type (any value above {@code Integer.MIN_VALUE + 1})
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
    if (type <= FREE) {
      throw new IllegalArgumentException("event type reserved: " + type);
    }
    if (timeNanos < last) {
      throw new IllegalArgumentException("event at " + timeNanos + " precedes the last polled event at " + last);
    }
    if (nextSeq > MAX_SEQ) {
      throw new IllegalStateException("more than " + MAX_SEQ + " events scheduled");
    }
    int slot = allocateSlot();
    long seq = nextSeq++;
    payload[2 * slot] = ((long) type << 32) | (entity & 0xFFFF_FFFFL);
    payload[2 * slot + 1] = arg;
    slotSeq[slot] = seq;
    long key = (boundary ? 0 : ORDINARY) | (seq << SLOT_BITS) | slot;
    place(timeNanos, key);
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
      return false;
    }
    int type = (int) (payload[2 * slot] >> 32);
    if (type == CANCELLED || type == FREE) {
      return false;
    }
    payload[2 * slot] = ((long) CANCELLED << 32) | (payload[2 * slot] & 0xFFFF_FFFFL);
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
      int slot = (int) (current[2 * head + 1] & SLOT_MASK);
      if ((int) (payload[2 * slot] >> 32) != CANCELLED) {
        return current[2 * head];
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
    while (true) {
      if (head == currentSize && !refill()) {
        return false;
      }
      long time = current[2 * head];
      int slot = (int) (current[2 * head + 1] & SLOT_MASK);
      head++;
      count--;
      long meta = payload[2 * slot];
      release(slot);
      int type = (int) (meta >> 32);
      if (type == CANCELLED) {
        cancelledPending--;
        continue;
      }
      polledTime = time;
      polledType = type;
      polledEntity = (int) meta;
      polledArg = payload[2 * slot + 1];
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
  private void place(long time, long key) {
    long x = time ^ last;
    if (x == 0) {
      insertCurrent(time, key);
      return;
    }
    int level = (63 - Long.numberOfLeadingZeros(x)) >>> 3;
    int digit = (int) (time >>> (level << 3)) & (DIGITS - 1);
    int b = level * DIGITS + digit;
    long[] a = buckets[b];
    int n = sizes[b];
    if (a == null) {
      a = new long[8];
      buckets[b] = a;
    } else if (2 * n == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
      buckets[b] = a;
    }
    a[2 * n] = time;
    a[2 * n + 1] = key;
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
    occupied[word] &= ~(1L << digit);
    if (occupied[level * 4] == 0 && occupied[level * 4 + 1] == 0 && occupied[level * 4 + 2] == 0
        && occupied[level * 4 + 3] == 0) {
      levelsOccupied &= ~(1 << level);
    }
    long min = src[0];
    for (int i = 2; i < 2 * n; i += 2) {
      if (src[i] < min) {
        min = src[i];
      }
    }
    last = min;
    for (int i = 0; i < 2 * n; i += 2) {
      place(src[i], src[i + 1]);
    }
    return true;
  }

  /** The current list holds events at {@code last} only, ordered by key (class, then sequence). */
  private void insertCurrent(long time, long key) {
    long[] a = current;
    int n = currentSize;
    if (2 * n == a.length) {
      a = Arrays.copyOf(a, a.length * 2);
      current = a;
    }
    int i = n;
    while (i > head && a[2 * i - 1] > key) {
      a[2 * i] = a[2 * i - 2];
      a[2 * i + 1] = a[2 * i - 1];
      i--;
    }
    a[2 * i] = time;
    a[2 * i + 1] = key;
    currentSize = n + 1;
  }

  private void release(int slot) {
    payload[2 * slot] = (long) FREE << 32;
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
      payload = Arrays.copyOf(payload, cap * 2);
      slotSeq = Arrays.copyOf(slotSeq, cap);
      freeSlots = Arrays.copyOf(freeSlots, cap);
    }
    return slotsUsed++;
  }
}
