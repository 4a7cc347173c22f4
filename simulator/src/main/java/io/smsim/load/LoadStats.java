package io.smsim.load;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What every worker and the callback receiver record into at once: HdrHistogram {@link Recorder}s
 * of acknowledgement and end-to-end latency (microseconds; wait-free for writers, swapped by the
 * sampler every second) and running totals for the progress line. The exact per-request accounting
 * lives in each worker; these are for watching.
 */
final class LoadStats {

  /** Longest latency a histogram keeps apart from the rest: one hour. */
  static final long HIGHEST_MICROS = TimeUnit.HOURS.toMicros(1);
  static final int DIGITS = 3;

  final Codes codes;
  final ServerNames servers = new ServerNames();
  final Recorder ack = recorder();
  final Recorder e2e = recorder();
  final Recorder[] e2eByRegion = new Recorder[Traffic.REGIONS];
  final LongAdder issued = new LongAdder();
  final LongAdder ok = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder timeouts = new LongAdder();
  final LongAdder late = new LongAdder();
  final AtomicLong unknownCallbacks = new AtomicLong();
  final AtomicLong unparsableCallbacks = new AtomicLong();
  final AtomicLong callbackAcknowledgements = new AtomicLong();

  LoadStats(Codes codes) {
    this.codes = codes;
    for (int r = 0; r < e2eByRegion.length; r++) {
      e2eByRegion[r] = recorder();
    }
  }

  private static Recorder recorder() {
    return new Recorder(HIGHEST_MICROS, DIGITS);
  }

  void recordAck(long nanos) {
    ack.recordValue(micros(nanos));
  }

  void recordE2e(int region, long nanos) {
    long us = micros(nanos);
    e2e.recordValue(us);
    e2eByRegion[region].recordValue(us);
  }

  static long micros(long nanos) {
    return Math.min(HIGHEST_MICROS, Math.max(0, nanos / 1000));
  }
}
