package io.smsim.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

/**
 * {@code check.json}: the verdicts of {@code smsim check} over one or more scenario files, each
 * expectation with its subject (as written or a variant), metric, check, status and detail; what
 * {@code check --format json} prints.
 */
public final class CheckFiles {

  private CheckFiles() {
  }

  /** The checks of every file, in the order given, as check.json holds them. */
  public static String json(List<Check> checks) {
    return JsonFiles.render(g -> {
      g.writeStartObject();
      g.writeNumberField("contract", 1);
      g.writeStringField("kind", "check");
      g.writeStringField("status", status(checks));
      g.writeArrayFieldStart("files");
      for (Check c : checks) {
        check(g, c);
      }
      g.writeEndArray();
      g.writeEndObject();
    }) + "\n";
  }

  /** ok, failed (a breach), or empty (no expectation to check). */
  public static String status(List<Check> checks) {
    if (checks.stream().anyMatch(c -> c.breaches() > 0)) {
      return "failed";
    }
    return checks.stream().anyMatch(c -> c.verdicts().isEmpty()) ? "empty" : "ok";
  }

  private static void check(JsonGenerator g, Check c) throws IOException {
    g.writeStartObject();
    g.writeStringField("scenario", c.scenario());
    g.writeStringField("source", c.source());
    g.writeNumberField("seed", c.seed());
    g.writeNumberField("replications", c.replications());
    g.writeNumberField("expectations", c.verdicts().size());
    g.writeNumberField("breached", c.breaches());
    g.writeNumberField("skipped", c.skipped());
    g.writeNumberField("runs", c.runs());
    JsonFiles.number(g, "wallSeconds", c.wallSeconds());
    g.writeArrayFieldStart("verdicts");
    for (Verdict v : c.verdicts()) {
      g.writeStartObject();
      g.writeStringField("status", v.status().name().toLowerCase(Locale.ROOT));
      g.writeStringField("subject", v.subject());
      g.writeStringField("metric", v.expectation().metric().text());
      g.writeStringField("of", v.expectation().of().name().toLowerCase(Locale.ROOT));
      g.writeStringField("check", v.expectation().form());
      g.writeStringField("detail", v.detail());
      g.writeStringField("location", v.expectation().location().toString());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
