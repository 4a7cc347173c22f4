package io.smsim.load;

import java.util.List;

/**
 * What one failover-bench run measured about the event, in seconds after the fault was injected
 * (NaN: it did not happen within the run).
 *
 * <ul>
 *   <li>{@code onset}: fault → the first failed request of the first second after the fault whose
 *       failures are too many for the pre-fault failure rate (binomial upper tail below 0.001): a
 *       leak takes a while to fill the process table; a hardware failure fails at once;</li>
 *   <li>{@code decision}: fault → the failover controller's decision (the {@code failover} event);</li>
 *   <li>{@code detect}: onset → decision, the time to detect, comparable with the configured
 *       {@code interval × failureThreshold}. It can be shorter, even negative: a synthetic probe
 *       needs a free slot in the process table as a spawn does, so it can find the table full (its
 *       last slots held by requests in service) before any request is refused;</li>
 *   <li>{@code switchover}: decision → the standby serving ({@code switchover-complete});</li>
 *   <li>{@code recovery}: fault → the first window of {@code recoverySeconds} seconds after the onset
 *       whose requests (by send second, pooled) succeed at least {@code recoverySuccessRatio} × the
 *       pre-fault success ratio and whose end-to-end p99 (histograms merged) is at most
 *       {@code recoveryP99Factor} × the pre-fault p99; refined to just after the intended send time
 *       of the last failed request before that window;</li>
 *   <li>{@code failedInEvent}: the region's requests sent from the fault until recovery (or the end)
 *       that ended in an error or a timeout; {@code lost} and {@code duplicated}: the generator's
 *       accounting over the whole run; {@code lostInFlight}: requests the emulation reports lost
 *       with a failed or restarted server (they reach the user as E20).</li>
 * </ul>
 */
public record BenchMeasures(double faultAtSeconds, double onset, double decision, double detect, double switchover,
    double restart, int failovers, long failedInEvent, long regionRequests, long lost, long duplicated,
    long lostInFlight, double recovery, String resolvedBy, double configuredDetect, double configuredSwitchover,
    Boolean withinConfigured, double baselineSuccess, double baselineP99Ms, List<Event> events)
    implements FailoverSlo.Event {

  /** For {@code --slo}: fault → the failover decision (the table's {@code detect} is onset → decision). */
  @Override
  public double detection() {
    return decision;
  }

  /** Not measured in-process (the faulted region's successes are not timed apart from the others'). */
  @Override
  public double gap() {
    return Double.NaN;
  }

  /** Not measured in-process: the emulation's restart is an event ({@code restart}), not a fail-back. */
  @Override
  public double failback() {
    return Double.NaN;
  }

  /** An emulation event of the faulted region, {@code t} seconds after the load started. */
  public record Event(double t, String kind, String server, String detail) {
  }
}
