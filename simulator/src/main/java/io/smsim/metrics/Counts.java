package io.smsim.metrics;

import java.io.Serializable;

/** Requests (or attempts) by final state. {@code inFlight} were still running when the run ended. */
public record Counts(long total, long succeeded, long failed, long inFlight) implements Serializable {

  public double successRatio() {
    long done = succeeded + failed;
    return done == 0 ? 1.0 : (double) succeeded / done;
  }
}
