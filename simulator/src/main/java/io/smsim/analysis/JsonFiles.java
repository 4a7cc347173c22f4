package io.smsim.analysis;

import io.smsim.output.OutputFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Shared pieces of the analysis JSON files: fixed key order, numbers as {@link Numbers#plain}
 * (NaN as null), so the same statistics give the same bytes. Keys starting with {@code wall}
 * measure the machine and are the only ones that vary between identical runs.
 */
final class JsonFiles {

  private static final JsonFactory FACTORY = new JsonFactory();

  /** Writes one JSON document. */
  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private JsonFiles() {
  }

  static void write(Path file, Body body) {
    OutputFiles.write(file, out -> {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.useDefaultPrettyPrinter();
      body.write(g);
      g.close();
    });
  }

  /** One JSON document as text, exactly as {@link #write} writes it. */
  static String render(Body body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try {
      JsonGenerator g = FACTORY.createGenerator(out);
      g.useDefaultPrettyPrinter();
      body.write(g);
      g.close();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot render JSON", e);
    }
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    if (Double.isFinite(v)) {
      g.writeNumber(Numbers.plain(v));
    } else {
      g.writeNull();
    }
  }

  /** {@code {"n", "mean", "sd", "ciLow", "ciHigh"}} as the fields of the current object. */
  static void summaryFields(JsonGenerator g, Summary s) throws IOException {
    g.writeNumberField("n", s.n());
    number(g, "mean", s.mean());
    number(g, "sd", s.sd());
    number(g, "ciLow", s.ciLow());
    number(g, "ciHigh", s.ciHigh());
  }

  /** The common header: what was run and how the statistics are made. */
  static void header(JsonGenerator g, String kind, String scenario, String source, long seed, int replications)
      throws IOException {
    g.writeNumberField("contract", 1);
    g.writeStringField("kind", kind);
    g.writeStringField("scenario", scenario);
    g.writeStringField("source", source);
    g.writeNumberField("seed", seed);
    g.writeNumberField("replications", replications);
    number(g, "confidence", Summary.CONFIDENCE);
    g.writeStringField("method", "independent replications; replication r draws from substream r of every random "
        + "stream in every variant or point (common random numbers); mean ± t(0.975, n-1)·sd/sqrt(n); differences "
        + "paired by replication");
  }
}
