package io.smsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.metrics.Incident;
import io.smsim.metrics.IntervalRow;
import io.smsim.metrics.MinuteSeries;
import io.smsim.metrics.TimelineEvent;
import io.smsim.model.EventKind;
import io.smsim.model.Times;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data behind the charts of {@code report.html}, as JSON for a {@code <script type="application/json">}
 * element: per region the one-minute series (attempts, failed attempts, process count per server)
 * bucketed by {@link Buckets}, incident windows, the reaper threshold over time, timeline events,
 * and latency percentiles per reporting interval. Sizes follow the run's duration, capped by
 * {@link #MAX_POINTS}, never its request count.
 *
 * <p>Times are local civil time of the scenario's zone (a chart shows the clock of the incident
 * report): {@code t0} is the start as epoch milliseconds of the local wall clock read as UTC;
 * series times are whole minutes after it, event times milliseconds after it.
 */
final class ChartData {

  /** Points per chart series at most (plus a few where incident windows split buckets). */
  static final int MAX_POINTS = 2000;
  /** Minutes either side of an incident kept at one-minute resolution. */
  static final int INCIDENT_MARGIN_MINUTES = 30;

  private static final long MINUTE_MILLIS = 60_000L;

  private final ReplayView view;
  private final long t0;

  private ChartData(ReplayView view) {
    this.view = view;
    this.t0 = view.localMillis(view.run().virtualStart());
  }

  static String json(ReplayView view) {
    return HtmlJson.write(new ChartData(view)::write);
  }

  private void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "replay");
    g.writeNumberField("t0", t0);
    g.writeNumberField("end", millis(view.run().virtualEnd()));
    g.writeStringField("zone", view.run().timeZone());
    g.writeNumberField("slo", view.scenario().reporting().slo());
    g.writeArrayFieldStart("regions");
    for (RegionView r : view.regions()) {
      region(r, g);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void region(RegionView r, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("key", r.key());
    g.writeStringField("name", r.name());
    g.writeNumberField("processLimit", r.processLimit());
    minutes(r, g);
    g.writeArrayFieldStart("incidents");
    ZoneId zone = view.zone();
    for (Incident i : r.result().incidents()) {
      g.writeStartObject();
      g.writeNumberField("s", millis(i.start()));
      g.writeNumberField("e", millis(i.end() == null ? view.run().virtualEnd() : i.end()));
      g.writeStringField("label", Times.clock(i.start(), zone) + "–"
          + (i.end() == null ? "ongoing" : Times.clock(i.end(), zone)) + " " + Times.zoneName(i.start(), zone));
      g.writeEndObject();
    }
    g.writeEndArray();
    reaperThreshold(r, g);
    g.writeArrayFieldStart("events");
    for (TimelineEvent e : r.result().events()) {
      g.writeStartObject();
      g.writeNumberField("t", millis(e.at()));
      g.writeStringField("kind", e.kind().key());
      g.writeStringField("server", e.server());
      g.writeNumberField("value", e.value());
      g.writeStringField("detail", e.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    latency(r, g);
    g.writeEndObject();
  }

  /** The one-minute series, bucketed; incident windows (with a margin) at full resolution. */
  private void minutes(RegionView r, JsonGenerator g) throws IOException {
    MinuteSeries m = r.result().minutes();
    Instant start = m.start();
    List<int[]> full = incidentMinutes(r, start, INCIDENT_MARGIN_MINUTES);
    if (Buckets.covered(m.size(), full) > MAX_POINTS / 2) {
      full = incidentMinutes(r, start, 0); // many incidents: keep the windows themselves at full resolution
    }
    Buckets b = Buckets.of(m.size(), full, MAX_POINTS);
    int n = b.size();
    long[] t = new long[n];
    long[] w = new long[n];
    long[] a = new long[n];
    long[] f = new long[n];
    long[][] p = new long[2][n];
    for (int k = 0; k < n; k++) {
      int from = b.start(k);
      int to = b.end(k);
      t[k] = minutesAfterT0(start.plusSeconds(60L * from));
      w[k] = to - from;
      for (int i = from; i < to; i++) {
        a[k] += m.attempts(i);
        f[k] += m.failed(i);
        p[0][k] = Math.max(p[0][k], m.processes(0, i));
        p[1][k] = Math.max(p[1][k], m.processes(1, i));
      }
    }
    g.writeObjectFieldStart("minutes");
    g.writeNumberField("bucket", b.coarseWidth());
    array("t", t, g);
    array("w", w, g);
    array("a", a, g);
    array("f", f, g);
    array("primary", p[0], g);
    array("secondary", p[1], g);
    g.writeEndObject();
  }

  /** Each incident's {@code [first, last + 1)} minute indexes, widened by {@code margin} minutes either side. */
  private List<int[]> incidentMinutes(RegionView r, Instant start, int margin) {
    List<int[]> ranges = new ArrayList<>();
    for (Incident i : r.result().incidents()) {
      Instant end = i.end() == null ? view.run().virtualEnd() : i.end();
      ranges.add(new int[] {minuteIndex(start, i.start()) - margin, minuteIndex(start, end) + margin});
    }
    return ranges;
  }

  /** The reaper's threshold as a step function: the scenario's setting, then each {@code reaper-set}. */
  private void reaperThreshold(RegionView r, JsonGenerator g) throws IOException {
    List<long[]> steps = new ArrayList<>();
    steps.add(new long[] {0, r.spec().reaper().threshold()});
    boolean any = r.spec().reaper().hasThreshold();
    for (TimelineEvent e : r.result().events()) {
      if (e.kind() == EventKind.REAPER_SET) {
        steps.add(new long[] {millis(e.at()), e.value()});
        any |= e.value() > 0;
      }
    }
    g.writeArrayFieldStart("reaperThreshold");
    if (any) {
      for (long[] s : steps) {
        g.writeStartArray();
        g.writeNumber(s[0]);
        g.writeNumber(s[1]);
        g.writeEndArray();
      }
    }
    g.writeEndArray();
  }

  /**
   * Latency p50 and p99 of successful attempts per reporting interval, from the server that served
   * most of it; intervals merged when there are too many (p50 weighted by successes, p99 the worst).
   */
  private void latency(RegionView r, JsonGenerator g) throws IOException {
    Map<Instant, IntervalRow> byStart = new LinkedHashMap<>();
    for (IntervalRow row : view.run().timeline()) {
      if (row.region().equals(r.key())) {
        byStart.merge(row.start(), row, (x, y) -> y.succeeded() > x.succeeded() ? y : x);
      }
    }
    List<IntervalRow> rows = new ArrayList<>(byStart.values());
    Buckets b = Buckets.of(rows.size(), List.of(), MAX_POINTS);
    g.writeObjectFieldStart("latency");
    g.writeArrayFieldStart("t");
    for (int k = 0; k < b.size(); k++) {
      g.writeNumber(minutesAfterT0(rows.get(b.start(k)).start()));
    }
    g.writeEndArray();
    g.writeArrayFieldStart("w");
    for (int k = 0; k < b.size(); k++) {
      IntervalRow first = rows.get(b.start(k));
      IntervalRow last = rows.get(b.end(k) - 1);
      g.writeNumber(java.time.Duration.between(first.start(), last.end()).toMinutes());
    }
    g.writeEndArray();
    for (String which : new String[] {"p50", "p99"}) {
      g.writeArrayFieldStart(which);
      for (int k = 0; k < b.size(); k++) {
        long ok = 0;
        double weighted = 0;
        double worst = 0;
        for (int i = b.start(k); i < b.end(k); i++) {
          IntervalRow row = rows.get(i);
          ok += row.succeeded();
          weighted += row.succeeded() * row.latencyP50Ms();
          worst = Math.max(worst, row.latencyP99Ms());
        }
        if (ok == 0) {
          g.writeNull();
        } else {
          g.writeNumber(Math.round((which.equals("p50") ? weighted / ok : worst) * 10) / 10.0);
        }
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void array(String name, long[] values, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart(name);
    for (long v : values) {
      g.writeNumber(v);
    }
    g.writeEndArray();
  }

  private static int minuteIndex(Instant start, Instant t) {
    return (int) Math.floorDiv(t.getEpochSecond() - start.getEpochSecond(), 60);
  }

  private long millis(Instant t) {
    return view.localMillis(t) - t0;
  }

  private long minutesAfterT0(Instant t) {
    return Math.floorDiv(millis(t), MINUTE_MILLIS);
  }
}
