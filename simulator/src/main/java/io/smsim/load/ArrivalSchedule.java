package io.smsim.load;

import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;
import io.smsim.model.Timebase;
import io.smsim.workload.ArrivalProcess;
import java.util.List;

/**
 * Intended send times of one worker's requests, in nanoseconds after the run's start: fixed in
 * advance and independent of how the target answers, which is what makes the load an open model
 * (Schroeder, Wierman and Harchol-Balter, "Open versus closed: a cautionary tale", NSDI 2006).
 *
 * <p>A run with {@code W} workers splits the rate: worker {@code w} of a constant rate {@code R}
 * sends at {@code (w + kW)/R}, so together the workers send at exactly {@code i/R}, and a run of
 * duration {@code D} sends exactly {@code ⌈R·D⌉} requests; Poisson workers are independent Poisson
 * processes of rate {@code R/W}, whose superposition is Poisson of rate {@code R}.
 */
interface ArrivalSchedule {

  /** The next intended send time, nanoseconds after the start; non-decreasing. */
  long next();

  /** The traffic component of the arrival {@link #next()} returned, or -1 to draw one by weight. */
  default int component() {
    return -1;
  }

  /** {@code ratePerSecond} in total over {@code workers}, evenly spaced. */
  static ArrivalSchedule constant(double ratePerSecond, int worker, int workers) {
    double stepNanos = 1e9 / ratePerSecond;
    return new ArrivalSchedule() {
      private long k;

      @Override
      public long next() {
        return (long) ((worker + (double) workers * k++) * stepNanos);
      }
    };
  }

  /** Poisson arrivals of {@code ratePerSecond} (this worker's share). */
  static ArrivalSchedule poisson(double ratePerSecond, RandomStream random) {
    double meanGapNanos = 1e9 / ratePerSecond;
    return new ArrivalSchedule() {
      private double t;

      @Override
      public long next() {
        t += random.nextExponential(meanGapNanos);
        return (long) t;
      }
    };
  }

  /**
   * The traffic's components as Poisson processes shaped by their profiles ({@link ArrivalProcess}:
   * rate constant within each local hour), in virtual time from {@code startVirtualNanos} of the
   * scenario's timebase, played {@code timeScale} times faster; each worker takes {@code 1/workers}
   * of every component's volume.
   */
  static ArrivalSchedule profile(Traffic traffic, Timebase timebase, long startVirtualNanos, double timeScale,
      RandomStreams streams, int worker, int workers) {
    List<Traffic.Component> comps = traffic.components();
    ArrivalProcess[] processes = new ArrivalProcess[comps.size()];
    long[] nextVirtual = new long[comps.size()];
    for (int i = 0; i < processes.length; i++) {
      Traffic.Component c = comps.get(i);
      processes[i] = ArrivalProcess.poisson(streams.stream("load.arrivals." + c.label() + "." + worker), c.profile(),
          c.weight() / workers, timebase);
      nextVirtual[i] = processes[i].next(startVirtualNanos);
    }
    return new ArrivalSchedule() {
      private int last = -1;

      @Override
      public long next() {
        if (last >= 0) {
          nextVirtual[last] = processes[last].next(nextVirtual[last]);
        }
        int best = 0;
        for (int i = 1; i < nextVirtual.length; i++) {
          if (nextVirtual[i] < nextVirtual[best]) {
            best = i;
          }
        }
        last = best;
        long v = nextVirtual[best];
        return v == Long.MAX_VALUE ? Long.MAX_VALUE : (long) ((v - startVirtualNanos) / timeScale);
      }

      @Override
      public int component() {
        return last;
      }
    };
  }
}
