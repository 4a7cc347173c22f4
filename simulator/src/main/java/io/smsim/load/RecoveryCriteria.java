package io.smsim.load;

/**
 * What "recovered" means to both failover benches ({@link Outage}): a window of {@code seconds}
 * seconds whose requests, pooled, succeed at least {@code successRatio} × the pre-fault success
 * ratio, with an end-to-end p99 at most {@code p99Factor} × the pre-fault p99.
 */
public record RecoveryCriteria(double successRatio, double p99Factor, int seconds) {

  public RecoveryCriteria {
    if (!(successRatio > 0 && successRatio <= 1) || !(p99Factor >= 1) || seconds < 1) {
      throw new IllegalArgumentException("recovery criteria: --recovery-success in (0,1], --recovery-p99 >= 1, "
          + "--recovery-seconds >= 1: " + successRatio + ", " + p99Factor + ", " + seconds);
    }
  }
}
