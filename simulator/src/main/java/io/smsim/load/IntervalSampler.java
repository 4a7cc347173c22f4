package io.smsim.load;

import io.smsim.output.AtomicFile;
import io.smsim.output.OutputException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Once a second, swaps the run's {@link Recorder}s for their interval histograms: writes them to
 * the HdrHistogram interval log ({@code results.hlog}, tags {@code ack}, {@code e2e} and
 * {@code e2e.<region>}; values in microseconds, so HistogramLogProcessor's default unit ratio shows
 * seconds), adds them into the run's totals, keeps a {@link LatencyRow} for the report and prints
 * the progress line. One thread at a time (the sampler's, then the finishing thread).
 */
final class IntervalSampler implements AutoCloseable {

  private final LoadStats stats;
  private final boolean[] regionsUsed;
  private final HistogramLogWriter log;
  private final PrintStream logStream;
  private final Consumer<String> progress;
  private final Histogram totalAck = histogram();
  private final Histogram totalE2e = histogram();
  private final Histogram[] totalE2eByRegion = new Histogram[Traffic.REGIONS];
  private final List<LatencyRow> rows = new ArrayList<>();
  private Histogram ack;
  private Histogram e2e;
  private final Histogram[] e2eByRegion = new Histogram[Traffic.REGIONS];
  private long lastIssued;
  private AtomicFile logFile;
  private volatile String phase = "sending";

  IntervalSampler(LoadStats stats, boolean[] regionsUsed, Path hlog, long wallStartMillis, String comment,
      Consumer<String> progress) {
    this.stats = stats;
    this.regionsUsed = regionsUsed.clone();
    this.progress = progress;
    for (int r = 0; r < Traffic.REGIONS; r++) {
      totalE2eByRegion[r] = histogram();
    }
    if (hlog == null) {
      log = null;
      logStream = null;
    } else {
      logFile = AtomicFile.create(hlog);
      logStream = new PrintStream(logFile.stream(), false, java.nio.charset.StandardCharsets.UTF_8);
      log = new HistogramLogWriter(logStream);
      log.outputComment(comment);
      log.outputComment("values in microseconds; tags: ack (to the synchronous answer), e2e (to the final response),"
          + " e2e.<region>");
      log.outputLogFormatVersion();
      log.outputStartTime(wallStartMillis);
      log.setBaseTime(wallStartMillis);
      log.outputLegend();
    }
  }

  private static Histogram histogram() {
    return new Histogram(LoadStats.HIGHEST_MICROS, LoadStats.DIGITS);
  }

  /** Takes the interval ending now (second {@code second} of the run). */
  synchronized void sample(int second) {
    ack = swap(stats.ack, ack, "ack", totalAck);
    e2e = swap(stats.e2e, e2e, "e2e", totalE2e);
    long[] counts = new long[Traffic.REGIONS];
    double[] p99 = new double[Traffic.REGIONS];
    Arrays.fill(p99, Double.NaN);
    for (int r = 0; r < Traffic.REGIONS; r++) {
      if (regionsUsed[r]) {
        e2eByRegion[r] = swap(stats.e2eByRegion[r], e2eByRegion[r], "e2e." + Traffic.regionKey(r),
            totalE2eByRegion[r]);
        counts[r] = e2eByRegion[r].getTotalCount();
        p99[r] = ms(e2eByRegion[r], 99);
      }
    }
    LatencyRow row = new LatencyRow(second, ack.getTotalCount(), ms(ack, 50), ms(ack, 90), ms(ack, 99), max(ack),
        e2e.getTotalCount(), ms(e2e, 50), ms(e2e, 90), ms(e2e, 99), max(e2e), counts, p99);
    rows.add(row);
    if (progress != null) {
      progress.accept(progressLine(row));
    }
  }

  private Histogram swap(Recorder recorder, Histogram recycle, String tag, Histogram total) {
    Histogram h = recorder.getIntervalHistogram(recycle);
    h.setTag(tag);
    if (log != null && h.getTotalCount() > 0) {
      log.outputIntervalHistogram(h);
    }
    total.add(h);
    return h;
  }

  /** What the run is doing, shown at the start of each progress line (sending, awaiting, grace period). */
  void phase(String what) {
    this.phase = what;
  }

  private String progressLine(LatencyRow row) {
    long issued = stats.issued.sum();
    long ok = stats.ok.sum();
    long errors = stats.errors.sum();
    long timeouts = stats.timeouts.sum();
    long perSecond = issued - lastIssued;
    lastIssued = issued;
    return String.format(Locale.ROOT, "%5ds  %s  issued %,d (%,d/s)  ok %,d  errors %,d  timeouts %,d  open %,d  "
        + "late %,d  ack p99 %s  e2e p99 %s", row.second() + 1, phase, issued, perSecond, ok, errors, timeouts,
        issued - ok - errors - timeouts, stats.late.sum(), Format.ms(row.ackP99()), Format.ms(row.e2eP99()));
  }

  static double ms(Histogram h, double percentile) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
  }

  static double max(Histogram h) {
    return h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
  }

  List<LatencyRow> rows() {
    return List.copyOf(rows);
  }

  Histogram totalAck() {
    return totalAck;
  }

  Histogram totalE2e() {
    return totalE2e;
  }

  Histogram[] totalE2eByRegion() {
    return totalE2eByRegion.clone();
  }

  @Override
  public void close() {
    if (logStream != null) {
      logStream.flush();
      if (logStream.checkError()) {
        logFile.close();
        throw new OutputException(logFile.target(), "the interval log could not be written");
      }
      logFile.commit(); // the log appears whole, or not at all
    }
  }
}
