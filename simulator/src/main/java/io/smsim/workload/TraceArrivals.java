package io.smsim.workload;

import io.smsim.engine.RandomStream;
import io.smsim.model.Category;
import io.smsim.model.Region;
import io.smsim.model.Timebase;
import java.util.Arrays;

/**
 * Arrivals replayed from a trace, read row by row while the simulation runs (memory does not grow
 * with the trace). Rows before the scenario's start are skipped; reading stops at its end.
 *
 * <ul>
 *   <li><b>Exact, one row per request</b>: each row is one request at its timestamp, with its SRV.
 *       A scale s sends ⌊s⌋ copies, and one more with probability s − ⌊s⌋.</li>
 *   <li><b>Exact, interval counts</b>: rows with the same {@code [start, end)} form one interval;
 *       its N requests (scaled as above) arrive at N uniform random times inside it, generated in
 *       increasing order as successive order statistics, U₍ₖ₎ = 1 − (1 − U₍ₖ₋₁₎)·V^{1/(N−k+1)}
 *       (Bentley &amp; Saxe, "Generating sorted lists of random numbers", ACM TOMS 6(3), 1980),
 *       so the interval's count is reproduced exactly without holding N times. Each arrival's SRV
 *       is drawn without replacement from the interval's per-SRV counts, so those are exact too.
 *       Given its count, a Poisson process's arrival times in an interval are such uniforms: the
 *       replay is the Poisson process conditioned on the recorded counts.</li>
 *   <li><b>Poisson</b>: a non-homogeneous Poisson process whose rate is constant in each interval
 *       (an interval row's {@code [start, end)}, or the {@code interval}-long bins, aligned to the
 *       epoch, into which request rows are counted): rate = s · count / length, exponential gaps,
 *       restarted at each boundary (valid by memorylessness; Lewis &amp; Shedler 1979), SRVs drawn
 *       in proportion to the interval's counts.</li>
 * </ul>
 */
public final class TraceArrivals implements Arrivals {

  private static final long NONE = Long.MIN_VALUE;

  private final TraceReader reader;
  private final boolean exact;
  private final boolean requestRows;
  private final double scale;
  private final RandomStream random;
  private final long binNanos;
  private final long originEpochNanos;
  private int lastSrv = DRAW_FROM_MIX;

  // exact request rows: copies of the current row still to send
  private long rowNanos;
  private int rowSrv;
  private long copiesLeft;

  // the current interval (segment): its kinds of request (SRV or "draw from mix") and their counts
  private boolean inSegment;
  private long segStart;
  private long segEnd;
  private int kinds;
  private int[] kindSrv = new int[4];
  private double[] kindCount = new double[4];
  private double segTotal;
  private double orderStat;
  private double positionNanos;
  private double ratePerNano;

  // the first row of the next segment, read ahead
  private boolean pending;
  private long pStart;
  private long pEnd;
  private int pSrv;
  private long pCount;

  private TraceArrivals(TraceReader reader, TraceSpec spec, Timebase timebase, RandomStream random) {
    this.reader = reader;
    this.exact = spec.mode() == TraceSpec.Mode.EXACT;
    this.requestRows = reader.format() == TraceReader.Format.REQUESTS;
    this.scale = spec.scale();
    this.random = random;
    this.binNanos = spec.intervalNanos();
    this.originEpochNanos = timebase.start().getEpochSecond() * 1_000_000_000L + timebase.start().getNano();
  }

  /** Opens the trace for one region's category; the caller closes it when the run ends. */
  public static TraceArrivals open(TraceSpec spec, Region region, Category category, Timebase timebase,
      RandomStream random) {
    TraceReader reader = TraceFiles.reader(spec.file(), timebase.start(), timebase.zone(), spec.intervalNanos(),
        region.ordinal(), category.ordinal());
    return new TraceArrivals(reader, spec, timebase, random);
  }

  @Override
  public long next(long nowNanos) {
    if (exact && requestRows) {
      return nextRequestRow();
    }
    while (true) {
      if (inSegment) {
        long t = exact ? nextExactInSegment() : nextPoissonInSegment();
        if (t != NONE) {
          return t;
        }
        inSegment = false;
      }
      if (!loadSegment()) {
        return Long.MAX_VALUE;
      }
    }
  }

  @Override
  public int srvIndex() {
    return lastSrv;
  }

  @Override
  public void close() {
    reader.close();
  }

  private long nextRequestRow() {
    while (copiesLeft == 0) {
      if (!reader.next()) {
        return Long.MAX_VALUE;
      }
      if (reader.startNanos < 0) {
        continue;
      }
      rowNanos = reader.startNanos;
      rowSrv = reader.srv;
      copiesLeft = scaled(1);
    }
    copiesLeft--;
    lastSrv = rowSrv;
    return rowNanos;
  }

  /** ⌊c·s⌋, plus one with probability frac(c·s): the mean is c·s. Draws nothing when c·s is whole. */
  private long scaled(long count) {
    double x = count * scale;
    long whole = (long) Math.floor(x);
    double frac = x - whole;
    if (frac > 0 && random.nextDouble() < frac) {
      whole++;
    }
    return whole;
  }

  private long nextExactInSegment() {
    long length = segEnd - segStart;
    while (segTotal > 0) {
      orderStat = 1 - (1 - orderStat) * Math.pow(random.nextOpenDouble(), 1.0 / segTotal);
      int k = pick((long) (random.nextDouble() * segTotal));
      kindCount[k]--;
      segTotal--;
      long t = segStart + Math.min(length - 1, (long) (orderStat * length));
      if (t >= 0) {
        lastSrv = kindSrv[k];
        return t;
      }
    }
    return NONE;
  }

  private long nextPoissonInSegment() {
    if (!(ratePerNano > 0)) {
      return NONE;
    }
    double at = positionNanos - Math.log(random.nextOpenDouble()) / ratePerNano;
    if (at >= segEnd) {
      return NONE;
    }
    positionNanos = at;
    lastSrv = kindSrv[pickWeighted(random.nextDouble() * segTotal)];
    return (long) at;
  }

  /** The kind holding position {@code index} of the remaining requests, counts laid end to end. */
  private int pick(long index) {
    double seen = 0;
    for (int k = 0; k < kinds; k++) {
      seen += kindCount[k];
      if (index < seen) {
        return k;
      }
    }
    return kinds - 1;
  }

  private int pickWeighted(double u) {
    double seen = 0;
    for (int k = 0; k < kinds; k++) {
      seen += kindCount[k];
      if (u < seen) {
        return k;
      }
    }
    return kinds - 1;
  }

  /** Reads the next interval (rows with the same [start, end), or request rows in one bin); false at the end. */
  private boolean loadSegment() {
    while (true) {
      if (!pending && !readAhead()) {
        return false;
      }
      segStart = requestRows ? binStart(pStart) : pStart;
      segEnd = requestRows ? segStart + binNanos : pEnd;
      kinds = 0;
      do {
        add(pSrv, requestRows ? 1 : pCount);
      } while (readAhead() && (requestRows ? binStart(pStart) == segStart : pStart == segStart && pEnd == segEnd));
      if (segEnd <= 0) {
        continue; // entirely before the scenario's start
      }
      segTotal = 0;
      for (int k = 0; k < kinds; k++) {
        if (exact) {
          kindCount[k] = scaled((long) kindCount[k]);
        }
        segTotal += kindCount[k];
      }
      orderStat = 0;
      positionNanos = Math.max(segStart, 0);
      ratePerNano = scale * segTotal / (segEnd - segStart);
      inSegment = true;
      return true;
    }
  }

  private void add(int srv, long count) {
    for (int k = 0; k < kinds; k++) {
      if (kindSrv[k] == srv) {
        kindCount[k] += count;
        return;
      }
    }
    if (kinds == kindSrv.length) {
      kindSrv = Arrays.copyOf(kindSrv, kinds * 2);
      kindCount = Arrays.copyOf(kindCount, kinds * 2);
    }
    kindSrv[kinds] = srv;
    kindCount[kinds] = count;
    kinds++;
  }

  private boolean readAhead() {
    pending = reader.next();
    if (pending) {
      pStart = reader.startNanos;
      pEnd = reader.endNanos;
      pSrv = reader.srv;
      pCount = reader.count;
    }
    return pending;
  }

  /** Start of the epoch-aligned bin holding virtual time t. */
  private long binStart(long t) {
    return Math.floorDiv(t + originEpochNanos, binNanos) * binNanos - originEpochNanos;
  }
}
