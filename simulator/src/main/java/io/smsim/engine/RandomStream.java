package io.smsim.engine;

/**
 * One independent stream of pseudo-random numbers: xoshiro256++ (Blackman &amp; Vigna, "Scrambled
 * linear pseudorandom number generators", 2021), seeded by SplitMix64 from a 64-bit stream seed.
 *
 * <p>Not thread-safe; each entity and purpose owns its stream (see {@link RandomStreams}). The
 * algorithm is fixed here, not borrowed from the JDK, so results do not change with the JDK.
 */
public final class RandomStream {

  private static final double DOUBLE_UNIT = 0x1.0p-53;

  private long s0;
  private long s1;
  private long s2;
  private long s3;

  public RandomStream(long seed) {
    long x = seed;
    x += 0x9E3779B97F4A7C15L;
    s0 = SplitMix.mix(x);
    x += 0x9E3779B97F4A7C15L;
    s1 = SplitMix.mix(x);
    x += 0x9E3779B97F4A7C15L;
    s2 = SplitMix.mix(x);
    x += 0x9E3779B97F4A7C15L;
    s3 = SplitMix.mix(x);
  }

  public long nextLong() {
    long result = Long.rotateLeft(s0 + s3, 23) + s0;
    long t = s1 << 17;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = Long.rotateLeft(s3, 45);
    return result;
  }

  /** Uniform on [0, 1), 53 bits. */
  public double nextDouble() {
    return (nextLong() >>> 11) * DOUBLE_UNIT;
  }

  /** Uniform on (0, 1): safe for logarithms and quantile functions. */
  public double nextOpenDouble() {
    return ((nextLong() >>> 12) + 0.5) * 0x1.0p-52;
  }

  /** True with probability {@code p}. Always consumes one draw, so streams stay aligned. */
  public boolean nextBernoulli(double p) {
    return nextDouble() < p;
  }

  /** Uniform integer on [0, bound), bound &gt; 0 (Lemire's multiply-shift, tiny bias ≤ 2^-32·bound). */
  public int nextInt(int bound) {
    return (int) (((nextLong() >>> 32) * bound) >>> 32);
  }

  /** Exponential with the given mean, by inversion (one uniform per sample). */
  public double nextExponential(double mean) {
    return -mean * Math.log(nextOpenDouble());
  }

  /** Standard normal by inversion of the CDF (one uniform per sample). */
  public double nextGaussian() {
    return NormalQuantile.of(nextOpenDouble());
  }
}
