package io.smsim.load;

import java.util.Arrays;

/**
 * The requests of one worker that ended without any answer (a timeout, a dropped connection):
 * an open-addressing hash table from sequence number to target EUI-64, intended send time (ns after
 * the start), the server that acknowledged it ({@link ServerNames} slot) and two flags, acknowledged
 * and answered-late. A final response that arrives after its request's deadline finds it here and
 * is a late answer, not a duplicate; at the end, entries acknowledged and never answered are the
 * lost requests. Grows with failures, not with requests. Single-threaded.
 */
final class Unanswered {

  static final byte ACKNOWLEDGED = 1;
  static final byte ANSWERED_LATE = 2;

  private long[] keys;
  private long[] targets;
  private long[] intended;
  private byte[] servers;
  private byte[] flags;
  private int size;

  Unanswered() {
    keys = new long[64];
    Arrays.fill(keys, -1);
    targets = new long[64];
    intended = new long[64];
    servers = new byte[64];
    flags = new byte[64];
  }

  void add(long seq, long target, boolean acknowledged, long intendedOffset, int server) {
    if (2 * (size + 1) > keys.length) {
      rehash(keys.length * 2);
    }
    insert(seq, target, acknowledged ? ACKNOWLEDGED : 0, intendedOffset, (byte) server);
    size++;
  }

  private void insert(long seq, long target, byte flag, long intendedOffset, byte server) {
    int mask = keys.length - 1;
    int i = hash(seq) & mask;
    while (keys[i] != -1) {
      if (keys[i] == seq) {
        throw new IllegalStateException("request " + seq + " ended unanswered twice");
      }
      i = (i + 1) & mask;
    }
    keys[i] = seq;
    targets[i] = target;
    intended[i] = intendedOffset;
    servers[i] = server;
    flags[i] = flag;
  }

  private void rehash(int capacity) {
    long[] k = keys;
    long[] t = targets;
    long[] in = intended;
    byte[] sv = servers;
    byte[] f = flags;
    keys = new long[capacity];
    Arrays.fill(keys, -1);
    targets = new long[capacity];
    intended = new long[capacity];
    servers = new byte[capacity];
    flags = new byte[capacity];
    for (int i = 0; i < k.length; i++) {
      if (k[i] != -1) {
        insert(k[i], t[i], f[i], in[i], sv[i]);
      }
    }
  }

  /** The entry's position, or -1. */
  int find(long seq) {
    int mask = keys.length - 1;
    int i = hash(seq) & mask;
    while (keys[i] != -1) {
      if (keys[i] == seq) {
        return i;
      }
      i = (i + 1) & mask;
    }
    return -1;
  }

  boolean flag(int position, byte flag) {
    return (flags[position] & flag) != 0;
  }

  void set(int position, byte flag) {
    flags[position] |= flag;
  }

  long target(int position) {
    return targets[position];
  }

  int size() {
    return size;
  }

  /** Calls {@code visitor} for each entry, in no particular order. */
  void forEach(Visitor visitor) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != -1) {
        visitor.visit(keys[i], targets[i], flags[i], intended[i], servers[i]);
      }
    }
  }

  interface Visitor {
    void visit(long seq, long target, byte flags, long intendedOffset, int server);
  }

  private static int hash(long seq) {
    long h = seq * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
