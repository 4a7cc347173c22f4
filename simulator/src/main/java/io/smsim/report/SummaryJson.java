package io.smsim.report;

import io.smsim.output.OutputFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.metrics.Counts;
import io.smsim.metrics.Failover;
import io.smsim.metrics.Incident;
import io.smsim.metrics.LatencySummary;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.metrics.TimelineEvent;
import io.smsim.model.Times;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * Writes {@code summary.json}, output contract v1 (README, "Outputs"), with a fixed key order so the same
 * run gives the same bytes. Fields whose names start with {@code wall} measure the machine, not the
 * model, and are the only ones that differ between identical runs. Times are ISO-8601 UTC; each
 * incident time also has a {@code ...Local} twin in the scenario's zone (the incident report's clock).
 */
public final class SummaryJson {

  public static final int CONTRACT_VERSION = 1;
  private static final JsonFactory FACTORY = new JsonFactory();

  private SummaryJson() {
  }

  public static void write(RunResult run, Path file) {
    OutputFiles.write(file, out -> {
      JsonGenerator g = FACTORY.createGenerator(out);
      write(run, g);
      g.close();
    });
  }

  public static String toJson(RunResult run) {
    try {
      Writer w = new StringWriter();
      JsonGenerator g = FACTORY.createGenerator(w);
      write(run, g);
      g.close();
      return w.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(RunResult run, JsonGenerator g) throws IOException {
    ZoneId zone = ZoneId.of(run.timeZone());
    g.useDefaultPrettyPrinter();
    g.writeStartObject();
    g.writeNumberField("contract", CONTRACT_VERSION);
    g.writeStringField("scenario", run.scenario());
    if (run.variant() != null) {
      g.writeStringField("variant", run.variant());
    }
    g.writeStringField("source", run.source());
    g.writeNumberField("seed", run.seed());
    g.writeNumberField("replication", run.replication());
    g.writeStringField("timeZone", run.timeZone());
    g.writeStringField("virtualStart", Times.utc(run.virtualStart()));
    g.writeStringField("virtualEnd", Times.utc(run.virtualEnd()));
    g.writeNumberField("events", run.events());
    g.writeNumberField("requests", run.totalRequests());
    g.writeNumberField("alerts", run.totalAlerts());
    g.writeNumberField("wallSeconds", round(run.wallSeconds()));
    double wall = Math.max(run.wallSeconds(), 1e-9);
    g.writeNumberField("wallEventsPerSecond", Math.round(run.events() / wall));
    g.writeNumberField("wallRequestsPerSecond", Math.round(run.totalRequests() / wall));
    g.writeNumberField("wallMessagesPerSecond", Math.round((run.totalRequests() + run.totalAlerts()) / wall));
    g.writeObjectFieldStart("regions");
    for (RegionResult r : run.regions()) {
      g.writeObjectFieldStart(r.region().key());
      region(r, zone, g);
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void region(RegionResult r, ZoneId zone, JsonGenerator g) throws IOException {
    counts("requests", r.requests(), g);
    counts("alerts", r.alerts(), g);
    g.writeObjectFieldStart("attempts");
    g.writeNumberField("total", r.attempts().total());
    g.writeNumberField("succeeded", r.attempts().succeeded());
    g.writeNumberField("failed", r.attempts().failed());
    g.writeObjectFieldStart("byOutcome");
    for (Map.Entry<String, Long> e : r.attemptOutcomes().entrySet()) {
      g.writeNumberField(e.getKey(), e.getValue());
    }
    g.writeEndObject();
    g.writeEndObject();
    g.writeObjectFieldStart("byCategory");
    for (Map.Entry<String, Counts> e : r.byCategory().entrySet()) {
      counts(e.getKey(), e.getValue(), g);
    }
    g.writeEndObject();
    g.writeObjectFieldStart("birthingEvents");
    g.writeNumberField("total", r.births().total());
    g.writeNumberField("completed", r.births().completed());
    g.writeNumberField("impacted", r.births().impacted());
    g.writeNumberField("disrupted", r.births().disrupted());
    g.writeNumberField("inProgress", r.births().inProgress());
    g.writeEndObject();
    LatencySummary l = r.latencyMs();
    g.writeObjectFieldStart("latencyMs");
    g.writeNumberField("count", l.count());
    g.writeNumberField("mean", round(l.mean()));
    g.writeNumberField("p50", round(l.p50()));
    g.writeNumberField("p90", round(l.p90()));
    g.writeNumberField("p99", round(l.p99()));
    g.writeNumberField("max", round(l.max()));
    g.writeEndObject();
    g.writeNumberField("peakProcesses", r.peakProcesses());
    g.writeNumberField("leakedProcesses", r.leakedTotal());
    g.writeNumberField("reapedProcesses", r.reapedTotal());
    g.writeStringField("failoverPolicy", r.policy());
    g.writeStringField("activeAtEnd", r.activeAtEnd());
    g.writeArrayFieldStart("incidents");
    for (Incident i : r.incidents()) {
      incident(i, zone, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("failovers");
    for (Failover f : r.failovers()) {
      g.writeStartObject();
      g.writeStringField("at", Times.utc(f.at()));
      g.writeStringField("from", f.from());
      g.writeStringField("to", f.to());
      g.writeStringField("reason", f.reason());
      g.writeStringField("servingAt", Times.utc(f.servingAt()));
      g.writeNumberField("lostInFlight", f.lostInFlight());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("events");
    for (TimelineEvent e : r.events()) {
      g.writeStartObject();
      g.writeStringField("at", Times.utc(e.at()));
      g.writeStringField("kind", e.kind().key());
      g.writeStringField("server", e.server());
      g.writeNumberField("value", e.value());
      g.writeStringField("detail", e.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void incident(Incident i, ZoneId zone, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("start", Times.utc(i.start()));
    g.writeStringField("startLocal", Times.local(i.start(), zone));
    g.writeStringField("end", Times.utc(i.end()));
    g.writeStringField("endLocal", Times.local(i.end(), zone));
    g.writeNumberField("minutes", round(i.minutes()));
    g.writeStringField("detectedAt", Times.utc(i.detectedAt()));
    g.writeStringField("detectedAtLocal", Times.local(i.detectedAt(), zone));
    g.writeStringField("resolvedBy", i.resolvedBy());
    g.writeNumberField("birthingEventsImpacted", i.birthingEventsImpacted());
    g.writeNumberField("requestsFailed", i.requestsFailed());
    g.writeNumberField("serviceRequestsFailed", i.serviceRequestsFailed());
    g.writeNumberField("firmwareRequestsFailed", i.firmwareRequestsFailed());
    g.writeNumberField("attempts", i.attempts());
    g.writeNumberField("attemptsFailed", i.attemptsFailed());
    g.writeEndObject();
  }

  private static void counts(String name, Counts c, JsonGenerator g) throws IOException {
    g.writeObjectFieldStart(name);
    g.writeNumberField("total", c.total());
    g.writeNumberField("succeeded", c.succeeded());
    g.writeNumberField("failed", c.failed());
    g.writeNumberField("inFlight", c.inFlight());
    g.writeEndObject();
  }

  static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
