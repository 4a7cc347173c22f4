package io.smsim.workload;

/**
 * A Service User's retry policy: up to {@code attempts} tries in all; try k+1 is sent
 * {@code backoff × multiplier^(k-1)} after try k failed. Retries add load, which is how
 * retry storms sustain metastable failures (Bronson et al., "Metastable Failures in Distributed
 * Systems", HotOS 2021).
 */
public record RetrySpec(int attempts, long backoffNanos, double multiplier) {

  public static final RetrySpec NONE = new RetrySpec(1, 0, 1);

  public RetrySpec {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be >= 1: " + attempts);
    }
    if (backoffNanos < 0) {
      throw new IllegalArgumentException("backoff must be >= 0: " + backoffNanos);
    }
    if (!(multiplier >= 1 && Double.isFinite(multiplier))) {
      throw new IllegalArgumentException("multiplier must be >= 1: " + multiplier);
    }
  }

  /** Delay before attempt {@code nextAttempt} (2 for the first retry). */
  public long backoffBefore(int nextAttempt) {
    return (long) (backoffNanos * Math.pow(multiplier, nextAttempt - 2));
  }
}
