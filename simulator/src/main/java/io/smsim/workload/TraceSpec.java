package io.smsim.workload;

import io.smsim.model.Srv;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A recorded traffic trace that drives one region's category instead of {@code perDay} × profile
 * (README, "Traces"): a CSV of requests ({@code timestamp[,srv]}) or of interval counts
 * ({@code start[,end][,srv],count}), optionally with {@code region} and {@code category} columns so
 * that one file can feed several regions and categories.
 *
 * @param file the CSV, resolved against the scenario's directory
 * @param written the file name as the scenario wrote it
 * @param mode {@link Mode#EXACT}: every recorded request (interval counts exactly, spread
 *     uniformly inside their interval); {@link Mode#POISSON}: a non-homogeneous Poisson process at
 *     the trace's rates, piecewise constant per interval
 * @param scale multiplies the trace's volume (the trace's own {@code scale} times the scenario's
 *     {@code workloadScale}); exact replay rounds a scaled count at random, keeping its mean
 * @param intervalNanos the length of an interval row without an {@code end} column, and the bin
 *     in which request rows are counted into rates in Poisson mode
 * @param srvs the SRVs the trace's rows name for this region and category, in catalogue order
 * @param rows the trace's rows for this region and category
 * @param requests the requests those rows hold (sum of counts), before scaling
 * @param spanNanos from the first row's start to the last row's end
 */
public record TraceSpec(Path file, String written, Mode mode, double scale, long intervalNanos, List<Srv> srvs,
    long rows, long requests, long spanNanos) {

  /** How a trace becomes arrivals. */
  public enum Mode {
    EXACT("exact"), POISSON("poisson");

    private final String key;

    Mode(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public TraceSpec {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(mode, "mode");
    srvs = List.copyOf(srvs);
    if (!(scale >= 0 && Double.isFinite(scale))) {
      throw new IllegalArgumentException("trace scale must be finite and >= 0: " + scale);
    }
    if (intervalNanos <= 0) {
      throw new IllegalArgumentException("trace interval must be positive: " + intervalNanos);
    }
    if (rows < 0 || requests < 0 || spanNanos < 0) {
      throw new IllegalArgumentException("trace counts must be >= 0");
    }
  }

  /** The trace's average volume per day, scaled: what {@code perDay} stands for where a rate is needed. */
  public double perDay() {
    return spanNanos == 0 ? requests * scale : requests * scale * 86_400e9 / spanNanos;
  }
}
