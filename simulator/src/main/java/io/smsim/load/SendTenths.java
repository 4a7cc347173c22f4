package io.smsim.load;

import java.util.Arrays;

/**
 * One worker's requests by the tenth of a second they were intended to be sent in, kept as the
 * first sequence number of each tenth: the ledger's key (the sequence number) then gives the
 * intended send time to a tenth of a second of any request, long after its slot was retired, in
 * memory that grows with the run's duration (8 bytes a tenth), not its volume. A worker issues its
 * requests in intended-time order, so the first sequence numbers never decrease and a lookup is a
 * binary search. Single-threaded.
 */
final class SendTenths {

  private static final long TENTH_NANOS = 100_000_000L;

  /** {@code first[t]}: the first sequence number issued in tenth {@code t} or, for an empty tenth, after it. */
  private long[] first = new long[64 * SecondSeries.TENTHS];
  private int tenths;

  /** Request {@code seq} is intended {@code offsetNanos} after the start (in order: never earlier than the last). */
  void issued(long seq, long offsetNanos) {
    int t = (int) Math.max(0, offsetNanos / TENTH_NANOS);
    if (t < tenths) {
      return; // same tenth as the last one (or out of order: it stays in the last tenth)
    }
    if (t >= first.length) {
      first = Arrays.copyOf(first, Math.max(t + 1, first.length * 2));
    }
    Arrays.fill(first, tenths, t + 1, seq);
    tenths = t + 1;
  }

  /** The start of the tenth of a second request {@code seq} was intended in, ns after the run's start; -1 if unknown. */
  long offsetOf(long seq) {
    int lo = 0;
    int hi = tenths - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (first[mid] <= seq) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? -1 : found * TENTH_NANOS;
  }
}
