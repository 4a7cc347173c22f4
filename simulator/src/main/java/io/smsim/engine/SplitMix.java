package io.smsim.engine;

/** The SplitMix64 finaliser (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators", 2014). */
final class SplitMix {

  private SplitMix() {
  }

  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
