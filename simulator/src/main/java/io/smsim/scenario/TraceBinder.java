package io.smsim.scenario;

import io.smsim.model.Category;
import io.smsim.model.Region;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import io.smsim.workload.TraceException;
import io.smsim.workload.TraceFiles;
import io.smsim.workload.TraceScan;
import io.smsim.workload.TraceSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a category's {@code trace:} (README, "Traces"): {@code trace: file.csv} or
 * {@code trace: {file, mode: exact | poisson, scale, interval}}; the CSV format is
 * {@link io.smsim.workload.TraceReader}'s. The file is read once here, row
 * by row, so every problem in it is reported before anything runs, at {@code file:line:column}.
 */
final class TraceBinder {

  static final long DEFAULT_INTERVAL_NANOS = 15 * RegionBinder.MINUTE;
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();

  static final Shape TRACE = Shape.of("trace", "A CSV of requests (or interval counts) to replay instead of "
      + "perDay/perHour and profile; see the README, \"Traces\".")
      .required("file", Shape.Type.TEXT, "The CSV, relative to the scenario file.")
      .key("mode", Shape.Type.choice(java.util.Arrays.stream(TraceSpec.Mode.values()).map(TraceSpec.Mode::key)
          .toList()), "exact", "exact replays the rows' times; poisson draws a non-homogeneous Poisson process "
          + "with the trace's rates.")
      .key("scale", Shape.Type.number(0, 1e6, "factor"), "1", "The trace's volume multiplied by this.")
      .key("interval", Shape.Type.DURATION, "15m", "Width of a count row's interval.");

  /** A trace: a file name, or a mapping. */
  static final Shape.Type TYPE = Shape.Type.oneOf(Shape.Type.TEXT, Shape.Type.mapping(TRACE));

  /** Where a region's workload is bound: where its files are, the scenario's time span, the region. */
  record Context(InputResolver files, ZoneId zone, Instant start, Instant end, Region region) {
  }

  private TraceBinder() {
  }

  /**
   * @param journey the category's journey (its rows start one), or empty
   * @param hasMix whether rows without an SRV can draw one from a mix
   * @param scale the scenario's {@code workloadScale}
   * @return null after a problem
   */
  static TraceSpec bind(YamlNode node, Category category, Context ctx, List<Srv> journey, boolean hasMix,
      double scale, Problems problems) {
    String fileText;
    TraceSpec.Mode mode = TraceSpec.Mode.EXACT;
    double traceScale = 1;
    long interval = DEFAULT_INTERVAL_NANOS;
    if (node instanceof YamlNode.Scalar s && !s.nullValue()) {
      fileText = s.text().trim();
    } else {
      Fields f = Fields.of(node, problems, TRACE);
      fileText = f.string("file", "").trim();
      if (!f.has("file")) {
        problems.add(node.location(), f.child("file"), "is required (the trace CSV, relative to the scenario)");
      }
      mode = f.choice("mode", TraceSpec.Mode.EXACT, modes());
      traceScale = f.number("scale", 1, 0, 1e6);
      interval = f.positiveDuration("interval", DEFAULT_INTERVAL_NANOS);
      f.finish();
    }
    if (fileText.isEmpty()) {
      if (node instanceof YamlNode.Scalar) {
        problems.add(node, "must name a CSV file, e.g. trace: north-traffic.csv");
      }
      return null;
    }
    Path file;
    try {
      file = ctx.files().resolve(fileText);
    } catch (InvalidPathException e) {
      problems.add(node, "not a file path: " + fileText);
      return null;
    }
    TraceScan scan;
    try {
      scan = TraceFiles.scan(file, ctx.zone(), interval);
    } catch (TraceException e) {
      problems.add(new Location(e.file(), e.line(), e.column()), node.path(), e.reason());
      return null;
    }
    TraceScan.Stats stats = scan.statsFor(ctx.region(), category);
    if (stats.rows() == 0) {
      problems.add(node, "the trace " + fileText + " has no rows for region " + ctx.region().key() + ", category "
          + category.key() + " (see its region and category columns)");
      return null;
    }
    int before = problems.size();
    checkSpan(node, fileText, stats, ctx, problems);
    List<Srv> srvs = new ArrayList<>();
    for (int i = 0; i < CATALOGUE.size(); i++) {
      int line = stats.firstLineOf(i);
      if (line == 0) {
        continue;
      }
      Srv srv = CATALOGUE.get(i);
      Location at = new Location(file.toString(), line, 1);
      if (category == Category.ALERT) {
        problems.add(at, node.path(), "a device alert names no SRV; leave the srv column empty: " + srv.variant());
      } else if (!journey.isEmpty() && !srv.equals(journey.get(0))) {
        problems.add(at, node.path(), "a row of " + category.key() + " starts a journey; its srv must be the "
            + "journey's first step " + journey.get(0).variant() + ", or empty: " + srv.variant());
      }
      srvs.add(srv);
    }
    if (stats.firstLineWithoutSrv() > 0 && category != Category.ALERT && journey.isEmpty() && !hasMix) {
      problems.add(node, "rows without an SRV (the first at " + file + ":" + stats.firstLineWithoutSrv()
          + ") need a mix to draw one from");
    }
    if (problems.size() > before) {
      return null;
    }
    long span = Math.max(0, stats.lastNanos() - stats.firstNanos());
    return new TraceSpec(file, fileText, mode, traceScale * scale, interval, srvs, stats.rows(), stats.requests(), span);
  }

  private static void checkSpan(YamlNode node, String fileText, TraceScan.Stats stats, Context ctx, Problems problems) {
    if (ctx.start() == null || ctx.end() == null) {
      return;
    }
    long start = epochNanos(ctx.start());
    long end = epochNanos(ctx.end());
    if (stats.lastNanos() < start || stats.firstNanos() >= end) {
      problems.add(node, "the trace " + fileText + " covers " + instant(stats.firstNanos()) + " .. "
          + instant(stats.lastNanos()) + ", outside the scenario's start .. end (" + ctx.start() + " .. " + ctx.end()
          + ")");
    }
  }

  private static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static Instant instant(long epochNanos) {
    return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
  }

  private static Map<String, TraceSpec.Mode> modes() {
    Map<String, TraceSpec.Mode> m = new java.util.LinkedHashMap<>();
    for (TraceSpec.Mode mode : TraceSpec.Mode.values()) {
      m.put(mode.key(), mode);
    }
    return m;
  }
}
