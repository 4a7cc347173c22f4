package io.smsim.load;

import static io.smsim.load.BenchJson.round;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code bench.json} of the failover bench against an external system: the setup, each run (its
 * commands with status, output and times; its measures, phases, answers by server, lost requests
 * with the server that acknowledged them, SLO verdicts and load summary) and the summary across
 * repeats per rate. Times in seconds, rounded to the millisecond; null where an event did not happen.
 */
final class ExternalBenchJson {

  private static final JsonFactory FACTORY = new JsonFactory();
  /** Lost requests listed per run (all of them are in the run's lost.txt). */
  private static final int LISTED_JSON = 1000;

  private ExternalBenchJson() {
  }

  static String json(ExternalBench.Plan plan, List<ExternalBench.Outcome> outcomes, Path dir) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("contract", LoadSummaryJson.CONTRACT_VERSION);
      g.writeStringField("kind", "failover-bench-external");
      g.writeStringField("target", plan.target().toString());
      g.writeStringField("faultCommand", plan.fault().text());
      g.writeStringField("restoreCommand", plan.restore() == null ? null : plan.restore().text());
      g.writeBooleanField("shell", plan.fault().shell());
      g.writeNumberField("faultAtSeconds", plan.faultAtNanos() / 1e9);
      g.writeNumberField("restoreAtSeconds", plan.restoreAtNanos() < 0 ? -1 : plan.restoreAtNanos() / 1e9);
      g.writeNumberField("durationSeconds", plan.durationNanos() / 1e9);
      g.writeNumberField("repeats", plan.repeats());
      g.writeStringField("serverHeader", plan.serverHeader());
      g.writeObjectFieldStart("recovery");
      g.writeNumberField("successRatio", plan.recovery().successRatio());
      g.writeNumberField("p99Factor", plan.recovery().p99Factor());
      g.writeNumberField("seconds", plan.recovery().seconds());
      g.writeEndObject();
      g.writeArrayFieldStart("runs");
      for (ExternalBench.Outcome o : outcomes) {
        run(o, dir, g);
      }
      g.writeEndArray();
      RepeatSummary.json(ExternalBench.summaries(outcomes),
          (s, gen) -> gen.writeNumberField("rate", outcomes.get(s.firstRun()).rate()), g);
      g.writeBooleanField("passed", outcomes.stream().allMatch(ExternalBench.Outcome::passed));
      g.writeEndObject();
    }
    return w + "\n";
  }

  private static void run(ExternalBench.Outcome o, Path dir, JsonGenerator g) throws IOException {
    ExternalMeasures m = o.measures();
    g.writeStartObject();
    g.writeNumberField("rate", o.rate());
    g.writeNumberField("repeat", o.repeat());
    g.writeStringField("dir", dir.relativize(o.dir()).toString());
    g.writeArrayFieldStart("commands");
    for (BenchCommand.Run c : o.commands()) {
      g.writeStartObject();
      g.writeStringField("role", c.role().label());
      g.writeStringField("command", c.text());
      g.writeNumberField("startSeconds", round(c.startSeconds()));
      g.writeNumberField("endSeconds", round(c.endSeconds()));
      if (c.exitCode() == null) {
        g.writeNullField("exitCode");
      } else {
        g.writeNumberField("exitCode", c.exitCode());
      }
      g.writeBooleanField("timedOut", c.timedOut());
      g.writeStringField("error", c.error());
      g.writeBooleanField("ok", c.ok());
      g.writeStringField("output", c.output());
      g.writeBooleanField("outputTruncated", c.outputTruncated());
      g.writeStringField("log", c.role().label() + "-cmd.log");
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeNumberField("faultAtSeconds", round(m.faultAtSeconds()));
    BenchJson.seconds("restoreAtSeconds", m.restoreAtSeconds(), g);
    BenchJson.seconds("onsetSeconds", m.onset(), g);
    BenchJson.seconds("recoverySeconds", m.recovery(), g);
    g.writeNumberField("failedInEvent", m.failedInEvent());
    BenchJson.seconds("longestGapSeconds", m.gap(), g);
    BenchJson.seconds("longestGapFromSeconds", m.gapStart(), g);
    g.writeStringField("oldServer", m.oldServer());
    g.writeStringField("newServer", m.newServer());
    BenchJson.seconds("detectionSeconds", m.detection(), g);
    BenchJson.seconds("switchoverSeconds", m.switchover(), g);
    BenchJson.seconds("failbackSeconds", m.failback(), g);
    g.writeBooleanField("exact", m.exact(o.load()));
    g.writeArrayFieldStart("phases");
    for (ExternalMeasures.Phase p : m.phases()) {
      phase(p, g);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("servers");
    for (ExternalMeasures.ServerCount s : m.servers()) {
      g.writeStartObject();
      g.writeStringField("name", s.name());
      g.writeNumberField("answered", s.answered());
      g.writeNumberField("accepted", s.accepted());
      g.writeNumberField("lost", s.lost());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("lost");
    for (int i = 0; i < Math.min(LISTED_JSON, m.lost().size()); i++) {
      LoadResult.Lost l = m.lost().get(i);
      g.writeStartObject();
      g.writeStringField("requestId", l.requestId());
      g.writeNumberField("intendedSeconds", round(l.intendedSeconds()));
      g.writeStringField("acknowledgedBy", l.acknowledgedBy());
      g.writeEndObject();
    }
    g.writeEndArray();
    BenchJson.endRun(o.slo(), o.passed(), o.load(), g);
  }

  private static void phase(ExternalMeasures.Phase p, JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("phase", p.name());
    g.writeNumberField("fromSeconds", round(p.fromSeconds()));
    g.writeNumberField("toSeconds", round(p.toSeconds()));
    g.writeNumberField("requests", p.requests());
    g.writeNumberField("ok", p.ok());
    g.writeNumberField("failed", p.failed());
    g.writeNumberField("timedOut", p.timedOut());
    g.writeNumberField("lost", p.lost());
    g.writeNumberField("duplicated", p.duplicated());
    BenchJson.seconds("ackP50Ms", p.ackP50Ms(), g);
    BenchJson.seconds("ackP99Ms", p.ackP99Ms(), g);
    BenchJson.seconds("e2eP50Ms", p.e2eP50Ms(), g);
    BenchJson.seconds("e2eP99Ms", p.e2eP99Ms(), g);
    g.writeEndObject();
  }

}
