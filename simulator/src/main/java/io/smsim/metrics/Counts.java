package io.smsim.metrics;

/** Requests (or attempts) by final state. {@code inFlight} were still running when the run ended. */
public record Counts(long total, long succeeded, long failed, long inFlight) {

  public double successRatio() {
    long done = succeeded + failed;
    return done == 0 ? 1.0 : (double) succeeded / done;
  }
}
