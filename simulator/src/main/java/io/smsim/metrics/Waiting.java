package io.smsim.metrics;

/**
 * Children that had to queue for a worker (a server with {@code workers} set): the probability of
 * waiting and the mean wait, the two quantities Erlang C gives for M/M/c (Kleinrock, "Queueing
 * Systems" I, §3.5: P(wait) = C(c, a), E[W_q] = C(c, a) / (cμ − λ)).
 *
 * @param admitted children spawned (started at once or queued)
 * @param waited of those, children that were queued
 * @param started children that began work (queued ones once a worker freed)
 * @param totalWaitNanos the sum of the started children's waits (0 for those started at once)
 */
public record Waiting(long admitted, long waited, long started, double totalWaitNanos) implements java.io.Serializable {

  public static final Waiting NONE = new Waiting(0, 0, 0, 0);

  /** waited / admitted; NaN when nothing was admitted. */
  public double probability() {
    return admitted == 0 ? Double.NaN : (double) waited / admitted;
  }

  /** The mean wait of the children that began work, in milliseconds; NaN when none did. */
  public double meanMs() {
    return started == 0 ? Double.NaN : totalWaitNanos / started / 1e6;
  }
}
