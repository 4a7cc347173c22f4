package io.smsim.workload;

/**
 * A source of arrival times for one region's category: Poisson arrivals shaped by a profile
 * ({@link ArrivalProcess}) or a recorded trace ({@link TraceArrivals}). Times are virtual
 * nanoseconds from the scenario's start, non-decreasing; each arrival may name its SRV.
 */
public interface Arrivals extends AutoCloseable {

  /** Returned by {@link #srvIndex()} when the arrival names no SRV: the caller draws one from its mix. */
  int DRAW_FROM_MIX = -1;

  /**
   * The next arrival at or after {@code nowNanos} (the time of the arrival just returned, or -1
   * before the first), or {@link Long#MAX_VALUE} when no more will come.
   */
  long next(long nowNanos);

  /**
   * The SRV of the arrival {@link #next} last returned, as an index in
   * {@link io.smsim.model.SrvCatalogue#standard()}, or {@link #DRAW_FROM_MIX}.
   */
  default int srvIndex() {
    return DRAW_FROM_MIX;
  }

  /** Releases what the source holds open (a trace's file); the default holds nothing. */
  @Override
  default void close() {
  }
}
