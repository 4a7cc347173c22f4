package io.smsim.engine;

/**
 * The discrete-event kernel: a virtual clock and an event queue, nothing about meters.
 *
 * <p>Virtual time is a {@code long} count of nanoseconds from an origin the model chooses; the
 * kernel never reads the wall clock. Events at equal times fire in scheduling order. Events are
 * primitive triples (type, entity, arg) handed to one {@link EventHandler}, so the hot loop
 * allocates nothing.
 */
public final class Simulation {

  /** Called every {@code progressEvery} events so a caller (not the kernel) can report progress. */
  @FunctionalInterface
  public interface ProgressListener {
    void onProgress(long nowNanos, long eventsProcessed);
  }

  private final EventQueue queue;
  private EventHandler handler;
  private long nowNanos;
  private long eventsProcessed;
  private boolean stopRequested;

  public Simulation() {
    this(new EventQueue());
  }

  public Simulation(EventQueue queue) {
    this.queue = queue;
  }

  /** Sets the handler that receives every event. */
  public void setHandler(EventHandler handler) {
    this.handler = handler;
  }

  public long nowNanos() {
    return nowNanos;
  }

  public long eventsProcessed() {
    return eventsProcessed;
  }

  /** Live events pending. */
  public int pending() {
    return queue.size();
  }

  /**
   * Schedules an event at an absolute virtual time, which must not be in the past.
   *
   * @return a handle for {@link #cancel(long)}
   */
  /**
   * The longest delay {@link #scheduleIn} keeps: 2^62 ns, about 146 years, beyond the longest run
   * a scenario may span (100 years), so that now + delay stays below 2^63.
   */
  public static final long HORIZON_NANOS = 1L << 62;

  public long scheduleAt(long timeNanos, int type, int entity, long arg) {
    if (timeNanos < nowNanos) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: " + timeNanos + " < now " + nowNanos);
    }
    return queue.add(timeNanos, type, entity, arg);
  }

  /**
   * Schedules a boundary event: at its instant it fires before every ordinary event, whenever
   * those were scheduled. Use it for instants that close a period (a metrics bucket), so that an
   * event at exactly the boundary belongs to the period it starts.
   */
  public long scheduleBoundaryAt(long timeNanos, int type, int entity, long arg) {
    if (timeNanos < nowNanos) {
      throw new IllegalArgumentException(
          "cannot schedule in the past: " + timeNanos + " < now " + nowNanos);
    }
    return queue.add(timeNanos, type, entity, arg, true);
  }

  /**
   * Schedules an event {@code delayNanos} (≥ 0) from now. A delay beyond {@link #HORIZON_NANOS}
   * (a sample from a distribution's far tail, a slowdown of a long service time) is held there: it
   * lies past the end of any run the scenario bounds allow, so the event never fires, and
   * {@code now + delay} cannot overflow.
   */
  public long scheduleIn(long delayNanos, int type, int entity, long arg) {
    if (delayNanos < 0) {
      throw new IllegalArgumentException("delayNanos must be >= 0: " + delayNanos);
    }
    return queue.add(nowNanos + Math.min(delayNanos, HORIZON_NANOS), type, entity, arg, false);
  }

  /** Cancels a pending event; false if it already fired or was cancelled. */
  public boolean cancel(long handle) {
    return queue.cancel(handle);
  }

  /** Asks {@link #run} to return after the current event. */
  public void stop() {
    stopRequested = true;
  }

  /** Processes at most {@code maxEvents} events, whatever their times; returns how many. */
  public long step(long maxEvents) {
    if (handler == null) {
      throw new IllegalStateException("no event handler set");
    }
    EventQueue q = queue;
    EventHandler h = handler;
    long processed = 0;
    while (processed < maxEvents && q.poll()) {
      nowNanos = q.polledTime();
      h.onEvent(q.polledType(), q.polledEntity(), q.polledArg());
      processed++;
    }
    eventsProcessed += processed;
    return processed;
  }

  /** Runs until the queue is empty, a stop is requested, or the next event is after the horizon. */
  public long run(long untilNanos) {
    return run(untilNanos, null, Long.MAX_VALUE);
  }

  /**
   * Runs events with times ≤ {@code untilNanos}; afterwards the clock reads {@code untilNanos}
   * unless stopped early. Returns the number of events processed by this call.
   */
  public long run(long untilNanos, ProgressListener progress, long progressEvery) {
    if (handler == null) {
      throw new IllegalStateException("no event handler set");
    }
    stopRequested = false;
    long processed = 0;
    long nextProgress = progressEvery;
    EventQueue q = queue;
    EventHandler h = handler;
    while (!stopRequested && !q.isEmpty() && q.peekTime() <= untilNanos) {
      q.poll();
      nowNanos = q.polledTime();
      h.onEvent(q.polledType(), q.polledEntity(), q.polledArg());
      processed++;
      if (processed == nextProgress) {
        nextProgress += progressEvery;
        if (progress != null) {
          progress.onProgress(nowNanos, eventsProcessed + processed);
        }
      }
    }
    eventsProcessed += processed;
    if (!stopRequested && nowNanos < untilNanos) {
      nowNanos = untilNanos;
    }
    return processed;
  }
}
