package io.smsim.load;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Writes a load run's {@code summary.json} with a fixed key order. A load run measures a real
 * system on a real clock, so its numbers differ from run to run; the layout does not. Latencies
 * are milliseconds; {@code lost} and {@code duplicated} list the first {@value #LISTED} RequestIDs
 * (all of them are in {@code lost.txt} and {@code duplicated.txt}).
 */
public final class LoadSummaryJson {

  public static final int CONTRACT_VERSION = 1;
  static final int LISTED = 100;
  private static final JsonFactory FACTORY = new JsonFactory();

  private LoadSummaryJson() {
  }

  public static String toJson(LoadResult r, List<Slo.Verdict> slo) {
    try {
      Writer w = new StringWriter();
      try (JsonGenerator g = FACTORY.createGenerator(w)) {
        g.useDefaultPrettyPrinter();
        g.writeStartObject();
        g.writeNumberField("contract", CONTRACT_VERSION);
        g.writeStringField("kind", "load");
        fields(r, slo, g);
        g.writeEndObject();
      }
      return w.toString() + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The run's fields, inside an object the caller opened (the failover bench nests them). */
  static void fields(LoadResult r, List<Slo.Verdict> slo, JsonGenerator g) throws IOException {
    setup(r.setup(), g);
    LoadResult.Outcomes o = r.outcomes();
    g.writeObjectFieldStart("requests");
    g.writeNumberField("total", o.total());
    g.writeNumberField("ok", o.ok());
    g.writeNumberField("errors", o.errorCount());
    g.writeNumberField("timeouts", o.timeouts());
    g.writeNumberField("inFlight", o.inFlight());
    g.writeBooleanField("balanced", o.balanced());
    g.writeEndObject();
    g.writeObjectFieldStart("errors");
    for (Map.Entry<String, Long> e : o.errors().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeObjectFieldStart("timeouts");
    g.writeNumberField("acknowledged", o.timeoutsAcknowledged());
    g.writeNumberField("unacknowledged", o.timeoutsUnacknowledged());
    g.writeEndObject();
    LoadResult.Accounting a = r.accounting();
    listed("lost", a.lost(), a.lostIds(), "lost.txt", g);
    listed("duplicated", a.duplicated(), a.duplicatedIds(), "duplicated.txt", g);
    g.writeNumberField("lateAnswers", a.lateAnswers());
    g.writeNumberField("unknown", a.unknown());
    g.writeNumberField("unparsableCallbacks", a.unparsable());
    g.writeNumberField("callbackAcknowledgements", a.callbackAcknowledgements());
    LoadResult.Sends s = r.sends();
    g.writeObjectFieldStart("sends");
    g.writeNumberField("onWire", s.onWire());
    g.writeNumberField("achievedPerSecond", round(s.achievedPerSecond()));
    g.writeNumberField("late", s.late());
    g.writeNumberField("maxLatenessMs", round(s.maxLatenessMs()));
    g.writeNumberField("blocked", s.blocked());
    g.writeNumberField("maxAwaitingAck", s.maxAwaitingAck());
    g.writeNumberField("signedPreCommands", s.signedPreCommands());
    g.writeStringField("preCommandKey", s.preCommandKey().id());
    g.writeEndObject();
    g.writeObjectFieldStart("latencyMs");
    latency("ack", r.latency().ack(), g);
    latency("e2e", r.latency().e2e(), g);
    g.writeEndObject();
    regions(r, g);
    slo(slo, g);
  }

  /** The {@code slo} array: each objective, its measured value and whether it was met. */
  static void slo(List<Slo.Verdict> slo, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("slo");
    for (Slo.Verdict v : slo) {
      g.writeStartObject();
      g.writeStringField("objective", v.objective());
      g.writeStringField("actual", v.actualText());
      g.writeBooleanField("met", v.met());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void setup(LoadResult.Setup s, JsonGenerator g) throws IOException {
    g.writeStringField("target", s.target());
    g.writeStringField("mode", s.ackOnly() ? "ack-only" : "callback");
    g.writeStringField("callbackUrl", s.callbackUrl());
    g.writeStringField("pacing", s.pacing());
    g.writeStringField("traffic", s.traffic());
    g.writeNumberField("durationSeconds", round(s.durationSeconds()));
    g.writeNumberField("connections", s.connections());
    g.writeNumberField("threads", s.threads());
    g.writeNumberField("maxInFlight", s.maxInFlight());
    g.writeNumberField("responseTimeoutSeconds", round(s.responseTimeoutSeconds()));
    g.writeNumberField("graceSeconds", round(s.graceSeconds()));
    g.writeNumberField("lateThresholdMs", round(s.lateThresholdMs()));
    g.writeNumberField("seed", s.seed());
    g.writeStringField("wallStart", s.wallStart().toString());
    g.writeNumberField("wallSeconds", round(s.wallSeconds()));
  }

  private static void listed(String name, long count, List<String> ids, String file, JsonGenerator g)
      throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", count);
    g.writeArrayFieldStart("requestIds");
    for (int i = 0; i < Math.min(LISTED, ids.size()); i++) {
      g.writeString(ids.get(i));
    }
    g.writeEndArray();
    g.writeStringField("file", file);
    g.writeEndObject();
  }

  static void latency(String name, Histogram h, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("count", h.getTotalCount());
    if (h.getTotalCount() > 0) {
      g.writeNumberField("mean", round(h.getMean() / 1000));
      g.writeNumberField("p50", round(h.getValueAtPercentile(50) / 1000.0));
      g.writeNumberField("p90", round(h.getValueAtPercentile(90) / 1000.0));
      g.writeNumberField("p99", round(h.getValueAtPercentile(99) / 1000.0));
      g.writeNumberField("p999", round(h.getValueAtPercentile(99.9) / 1000.0));
      g.writeNumberField("max", round(h.getMaxValue() / 1000.0));
    }
    g.writeEndObject();
  }

  private static void regions(LoadResult r, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart("regions");
    for (int slot = 0; slot < Traffic.REGIONS; slot++) {
      if (!r.series().regionsUsed()[slot]) {
        continue;
      }
      long[] t = r.series().regionTotals(slot);
      g.writeObjectFieldStart(Traffic.regionKey(slot));
      g.writeNumberField("requests", t[SecondSeries.SENT]);
      g.writeNumberField("ok", t[SecondSeries.OK]);
      g.writeNumberField("failed", t[SecondSeries.FAILED]);
      latency("e2eMs", r.latency().e2eByRegion()[slot], g);
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  static double round(double v) {
    return Double.isFinite(v) ? Math.round(v * 1000) / 1000.0 : 0;
  }
}
