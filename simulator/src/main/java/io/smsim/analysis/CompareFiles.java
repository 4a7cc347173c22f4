package io.smsim.analysis;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import io.smsim.output.OutputFiles;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Writes a {@link Comparison} as {@code compare.csv} (long format, one row per variant, region and
 * metric: {@code pandas.read_csv} and R's {@code read.csv} take it as it is; empty cells are "not
 * applicable") and {@code compare.json}.
 */
public final class CompareFiles {

  static final String CSV_HEADER =
      "variant,region,metric,n,mean,sd,ci_low,ci_high,diff_mean,diff_ci_low,diff_ci_high";

  private CompareFiles() {
  }

  public static void writeCsv(Comparison c, Path file) {
    OutputFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(CSV_HEADER);
      w.write('\n');
      for (int v = 0; v < c.variants().size(); v++) {
        PointStats p = c.points().get(v);
        for (int m = 0; m < c.metrics().size(); m++) {
          MetricPath metric = c.metrics().get(m);
          Summary s = p.stat(m);
          Summary d = p.diff(m);
          w.write(String.join(",", c.variants().get(v).name(), metric.regionKey(), metric.metric(),
              Integer.toString(s.n()), Numbers.plain(s.mean()), Numbers.plain(s.sd()), Numbers.plain(s.ciLow()),
              Numbers.plain(s.ciHigh()), Numbers.plain(d.mean()), Numbers.plain(d.ciLow()),
              Numbers.plain(d.ciHigh())));
          w.write('\n');
        }
      }
      w.flush();
    });
  }

  public static void writeJson(Comparison c, Path file) {
    JsonFiles.write(file, g -> {
      g.writeStartObject();
      JsonFiles.header(g, "compare", c.scenario(), c.source(), c.seed(), c.replications());
      g.writeStringField("baseline", c.baselineVariant().name());
      JsonFiles.number(g, "wallSeconds", Math.round(c.wallSeconds() * 1000) / 1000.0);
      g.writeNumberField("wallThreads", c.wallThreads());
      g.writeArrayFieldStart("variants");
      for (int v = 0; v < c.variants().size(); v++) {
        Variant variant = c.variants().get(v);
        PointStats p = c.points().get(v);
        g.writeStartObject();
        g.writeStringField("name", variant.name());
        g.writeStringField("description", variant.description());
        g.writeArrayFieldStart("set");
        for (String o : variant.overrides()) {
          g.writeString(o);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("metrics");
        for (int m = 0; m < c.metrics().size(); m++) {
          g.writeObjectFieldStart(c.metrics().get(m).text());
          JsonFiles.summaryFields(g, p.stat(m));
          g.writeObjectFieldStart("diff");
          JsonFiles.summaryFields(g, p.diff(m));
          g.writeEndObject();
          g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }
}
