package io.smsim.live;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;

/**
 * A region's timers in virtual time on its event loop, kept in the simulator's order: by time,
 * boundary timers (minute ticks) before ordinary ones at the same instant, then by scheduling
 * order. One Netty timer is armed for the earliest; when it fires, every timer due runs in order,
 * each seeing {@link #nowNanos()} equal to its own virtual time, so the region model stamps
 * timeline events at exactly the virtual times the replay would, whatever the loop's jitter.
 *
 * <p>While the model waits for a probe's answer the queue is {@link #pause paused}: what the
 * replay decides at one instant the live model decides in the same order, with the answer in hand.
 * A pause lasts at most the probe's timeout. Runs on the region's loop only.
 */
final class LiveTimers {

  private record Timer(long atNanos, boolean boundary, long seq, Runnable action) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      if (atNanos != o.atNanos) {
        return Long.compare(atNanos, o.atNanos);
      }
      if (boundary != o.boundary) {
        return boundary ? -1 : 1;
      }
      return Long.compare(seq, o.seq);
    }
  }

  private final EventLoop loop;
  private final VirtualClock clock;
  private final PriorityQueue<Timer> queue = new PriorityQueue<>();
  private ScheduledFuture<?> armed;
  private long armedAtNanos = Long.MAX_VALUE;
  private long seq;
  private long currentNanos = -1;
  private boolean paused;

  LiveTimers(EventLoop loop, VirtualClock clock) {
    this.loop = loop;
    this.clock = clock;
  }

  /** Virtual now: the running timer's time, else the clock's. */
  long nowNanos() {
    return currentNanos >= 0 ? currentNanos : clock.nowVirtualNanos();
  }

  void schedule(long atNanos, boolean boundary, Runnable action) {
    queue.add(new Timer(atNanos, boundary, seq++, action));
    arm();
  }

  /** Holds the timers due until {@link #resume}. */
  void pause() {
    paused = true;
  }

  void resume() {
    paused = false;
    arm();
  }

  /** Runs {@code action} with {@link #nowNanos()} reading {@code atNanos} (an answer to something asked then). */
  void runAt(long atNanos, Runnable action) {
    long saved = currentNanos;
    currentNanos = atNanos;
    try {
      action.run();
    } finally {
      currentNanos = saved;
    }
  }

  private void arm() {
    if (paused || queue.isEmpty()) {
      return;
    }
    long at = queue.peek().atNanos();
    if (armed != null && armedAtNanos <= at) {
      return;
    }
    if (armed != null) {
      armed.cancel(false);
    }
    armedAtNanos = at;
    armed = loop.schedule(this::fire, clock.realNanosUntil(at), TimeUnit.NANOSECONDS);
  }

  private void fire() {
    armed = null;
    armedAtNanos = Long.MAX_VALUE;
    long now = clock.nowVirtualNanos();
    while (!paused && !queue.isEmpty() && queue.peek().atNanos() <= now) {
      Timer t = queue.poll();
      runAt(t.atNanos(), t.action());
    }
    arm();
  }
}
