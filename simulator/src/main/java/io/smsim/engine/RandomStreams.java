package io.smsim.engine;

import java.nio.charset.StandardCharsets;

/**
 * Derives independent random streams from (scenario seed, replication, stream name).
 *
 * <p>Each entity and purpose asks for its own stream by a stable name such as
 * {@code "north.primary.service"}; the stream's seed is a SplitMix64 hash chain over the seed, the
 * replication index and a 64-bit FNV-1a hash of the name. Adding a stream never perturbs another,
 * and replication {@code r} of every variant sees the same numbers for the same name (common
 * random numbers).
 */
public final class RandomStreams {

  private final long seed;
  private final int replication;
  private final long base;

  public RandomStreams(long seed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0: " + replication);
    }
    this.seed = seed;
    this.replication = replication;
    this.base = SplitMix.mix(SplitMix.mix(seed ^ 0x5DEECE66DL) + 0x9E3779B97F4A7C15L * (replication + 1L));
  }

  public long seed() {
    return seed;
  }

  public int replication() {
    return replication;
  }

  /** A new stream for this name; the same name always yields the same sequence. */
  public RandomStream stream(String name) {
    return new RandomStream(seedOf(name));
  }

  long seedOf(String name) {
    return SplitMix.mix(base ^ fnv1a64(name));
  }

  private static long fnv1a64(String name) {
    long h = 0xCBF29CE484222325L;
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xFF);
      h *= 0x100000001B3L;
    }
    return h;
  }
}
