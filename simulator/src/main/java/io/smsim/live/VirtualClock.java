package io.smsim.live;

import io.smsim.model.Timebase;
import java.util.concurrent.TimeUnit;

/**
 * Real time mapped onto the scenario's virtual time, compressed by a time scale K: one real second
 * is K virtual seconds. The live emulation keeps the model's durations (service times, device
 * latency, probe intervals, the fault timeline) in virtual nanoseconds and waits
 * {@code virtual / K} real nanoseconds for them, so a scenario written for the simulator plays live
 * K times faster. The scenario's start is the moment the emulation started.
 */
public final class VirtualClock {

  private final double timeScale;
  private final long startNanos;
  private final Timebase timebase;

  VirtualClock(double timeScale, Timebase timebase) {
    LiveOptions.checkTimeScale(timeScale);
    this.timeScale = timeScale;
    this.timebase = timebase;
    this.startNanos = System.nanoTime();
  }

  public double timeScale() {
    return timeScale;
  }

  public Timebase timebase() {
    return timebase;
  }

  /** Virtual nanoseconds since the scenario start. */
  public long nowVirtualNanos() {
    return (long) ((System.nanoTime() - startNanos) * timeScale);
  }

  /** Real nanoseconds to wait for a virtual duration (at least 1). */
  public long realNanos(long virtualNanos) {
    return Math.max(1L, (long) (virtualNanos / timeScale));
  }

  /** Real nanoseconds from now until virtual time {@code atVirtualNanos} (0 when it has passed). */
  public long realNanosUntil(long atVirtualNanos) {
    long wait = atVirtualNanos - nowVirtualNanos();
    return wait <= 0 ? 0 : realNanos(wait);
  }

  /** Virtual duration of a real one. */
  public long virtualNanos(long realNanos) {
    return (long) (realNanos * timeScale);
  }

  static final TimeUnit UNIT = TimeUnit.NANOSECONDS;
}
