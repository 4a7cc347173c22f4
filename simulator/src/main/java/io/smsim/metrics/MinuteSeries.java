package io.smsim.metrics;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;
import java.util.Arrays;

/**
 * One region's one-minute series: attempts, failed attempts, and the live process count of each
 * server at the minute's end. Minute {@code i} covers {@code [start + i min, start + (i+1) min)}.
 * Memory grows with the virtual duration (a few bytes a minute), never with the request count.
 */
public final class MinuteSeries implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  private final Instant start;
  private int size;
  private int[] attempts = new int[1024];
  private int[] failed = new int[1024];
  private int[] primaryProcesses = new int[1024];
  private int[] secondaryProcesses = new int[1024];

  public MinuteSeries(Instant start) {
    this.start = start;
  }

  void add(long minuteAttempts, long minuteFailed, int primary, int secondary) {
    if (size == attempts.length) {
      int cap = Math.max(1024, size * 2);
      attempts = Arrays.copyOf(attempts, cap);
      failed = Arrays.copyOf(failed, cap);
      primaryProcesses = Arrays.copyOf(primaryProcesses, cap);
      secondaryProcesses = Arrays.copyOf(secondaryProcesses, cap);
    }
    attempts[size] = (int) Math.min(Integer.MAX_VALUE, minuteAttempts);
    failed[size] = (int) Math.min(Integer.MAX_VALUE, minuteFailed);
    primaryProcesses[size] = primary;
    secondaryProcesses[size] = secondary;
    size++;
  }

  public Instant start() {
    return start;
  }

  public int size() {
    return size;
  }

  public int attempts(int minute) {
    return attempts[minute];
  }

  public int failed(int minute) {
    return failed[minute];
  }

  /** Serialized without the arrays' spare capacity (a run's result travels back from a Spark executor). */
  @Serial
  private void writeObject(ObjectOutputStream out) throws IOException {
    attempts = Arrays.copyOf(attempts, size);
    failed = Arrays.copyOf(failed, size);
    primaryProcesses = Arrays.copyOf(primaryProcesses, size);
    secondaryProcesses = Arrays.copyOf(secondaryProcesses, size);
    out.defaultWriteObject();
  }

  /** Live processes of the primary (role 0) or secondary (role 1) at the minute's end. */
  public int processes(int role, int minute) {
    return role == 0 ? primaryProcesses[minute] : secondaryProcesses[minute];
  }
}
