package io.smsim.model;

import java.util.Objects;

/**
 * A fault placed on the timeline.
 *
 * @param atNanos start, virtual nanoseconds from the scenario start
 * @param untilNanos end, or {@link Long#MAX_VALUE} for "until the end of the run"
 */
public record FaultSpec(Fault fault, long atNanos, long untilNanos, Region region, ServerTarget target) {

  public FaultSpec {
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(target, "target");
    if (atNanos < 0) {
      throw new IllegalArgumentException("fault starts before the scenario: " + atNanos);
    }
    if (untilNanos <= atNanos) {
      throw new IllegalArgumentException("fault must end after it starts");
    }
  }
}
