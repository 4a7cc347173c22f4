package io.smsim.load;

/**
 * The state of one worker's requests that do not have an outcome yet, indexed by the worker's
 * sequence number: a ring of parallel primitive arrays from the oldest unfinished request
 * ({@link #base()}) to the next to be issued ({@link #next()}). A request leaves the ring when it
 * and every older one are finished and off the wire; the ring grows (doubling) when a burst of
 * unfinished requests fills it, so its size follows rate × response time, not the run's length.
 *
 * <p>Intended send times grow with the sequence number, so the deadlines (intended time +
 * response timeout) do too: scanning from the base finds every expired request, and the ring is
 * its own timeout wheel. Single-threaded: one worker's event loop owns it.
 */
final class PendingRing {

  /** Issued, waiting for a free connection. */
  static final byte QUEUED = 1;
  /** On the wire, no synchronous answer yet. */
  static final byte SENT = 2;
  /** Acknowledged (I99), waiting for the final response. */
  static final byte ACKED = 3;
  /** Has its outcome. */
  static final byte DONE = 4;

  /** Flag: the request occupies a connection until that connection's answer or close. */
  static final byte ON_WIRE = 1;
  /** Flag: the request ended without any answer (timeout, connection lost): see {@link Unanswered}. */
  static final byte ENDED_UNANSWERED = 2;
  /** Flag: the request never went on the wire (refused by the client). */
  static final byte NEVER_SENT = 4;
  /**
   * Flag: a critical request whose Transform Service answer (the GBCS pre-command) came and was
   * signed; what goes on the wire now is its signed pre-command (command variant 5).
   */
  static final byte TRANSFORMED = 8;

  private long[] intended;
  private long[] target;
  private short[] srv;
  private byte[] state;
  private byte[] flags;
  private byte[] region;
  private byte[] server;
  private int[] connection;
  private int mask;
  private long base;
  private long next;

  PendingRing(int initialCapacity) {
    int cap = Integer.highestOneBit(Math.max(16, initialCapacity - 1)) << 1;
    allocate(cap);
  }

  private void allocate(int cap) {
    intended = new long[cap];
    target = new long[cap];
    srv = new short[cap];
    state = new byte[cap];
    flags = new byte[cap];
    region = new byte[cap];
    server = new byte[cap];
    connection = new int[cap];
    mask = cap - 1;
  }

  /** Adds a request in state {@link #QUEUED}; returns its sequence number. */
  long add(long intendedNanos, long targetEui64, int srvIndex, int regionIndex) {
    if (next - base == mask + 1) {
      grow();
    }
    long seq = next++;
    int s = (int) seq & mask;
    intended[s] = intendedNanos;
    target[s] = targetEui64;
    srv[s] = (short) srvIndex;
    region[s] = (byte) regionIndex;
    server[s] = ServerNames.NONE;
    state[s] = QUEUED;
    flags[s] = 0;
    connection[s] = -1;
    return seq;
  }

  private void grow() {
    long[] oi = intended;
    long[] ot = target;
    short[] os = srv;
    byte[] ost = state;
    byte[] of = flags;
    byte[] or = region;
    byte[] osv = server;
    int[] oc = connection;
    int oldMask = mask;
    allocate((mask + 1) * 2);
    for (long q = base; q < next; q++) {
      int from = (int) q & oldMask;
      int to = (int) q & mask;
      intended[to] = oi[from];
      target[to] = ot[from];
      srv[to] = os[from];
      state[to] = ost[from];
      flags[to] = of[from];
      region[to] = or[from];
      server[to] = osv[from];
      connection[to] = oc[from];
    }
  }

  /** Whether {@code seq} is still in the ring (issued and not retired). */
  boolean has(long seq) {
    return seq >= base && seq < next;
  }

  int slot(long seq) {
    return (int) seq & mask;
  }

  long base() {
    return base;
  }

  long next() {
    return next;
  }

  /** Requests issued and not yet retired. */
  long size() {
    return next - base;
  }

  /** The base request is finished and off the wire: drop it. */
  void retire() {
    base++;
  }

  long intended(int s) {
    return intended[s];
  }

  long target(int s) {
    return target[s];
  }

  int srv(int s) {
    return srv[s];
  }

  int region(int s) {
    return region[s];
  }

  /** The {@link ServerNames} slot of the server that answered the request synchronously. */
  int server(int s) {
    return server[s];
  }

  void server(int s, int slot) {
    server[s] = (byte) slot;
  }

  byte state(int s) {
    return state[s];
  }

  void state(int s, byte value) {
    state[s] = value;
  }

  boolean flag(int s, byte flag) {
    return (flags[s] & flag) != 0;
  }

  void set(int s, byte flag) {
    flags[s] |= flag;
  }

  void clear(int s, byte flag) {
    flags[s] &= (byte) ~flag;
  }

  int connection(int s) {
    return connection[s];
  }

  void connection(int s, int index) {
    connection[s] = index;
  }
}
