package io.smsim.analysis;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import io.smsim.output.OutputFiles;
import io.smsim.scenario.MetricPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link Sweep} as {@code sweep.csv} — long format: one row per point, region and metric,
 * with one column per parameter named by its path, then {@code region, metric, n, mean, sd,
 * ci_low, ci_high} ({@code pandas.read_csv} / R {@code read.csv} ready; empty cells are "not
 * applicable") — and {@code sweep.json}.
 */
public final class SweepFiles {

  private SweepFiles() {
  }

  public static void writeCsv(Sweep s, Path file) {
    OutputFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      List<String> header = new ArrayList<>();
      header.add("point");
      for (SweepParam p : s.params()) {
        header.add(Csv.cell(p.path()));
      }
      header.addAll(List.of("region", "metric", "n", "mean", "sd", "ci_low", "ci_high"));
      w.write(String.join(",", header));
      w.write('\n');
      for (int i = 0; i < s.points().size(); i++) {
        PointStats p = s.stats().get(i);
        for (int m = 0; m < s.metrics().size(); m++) {
          MetricPath metric = s.metrics().get(m);
          Summary st = p.stat(m);
          List<String> row = new ArrayList<>();
          row.add(Integer.toString(i));
          for (String v : s.points().get(i)) {
            row.add(Csv.cell(v));
          }
          row.addAll(List.of(metric.regionKey(), metric.metric(), Integer.toString(st.n()), Numbers.plain(st.mean()),
              Numbers.plain(st.sd()), Numbers.plain(st.ciLow()), Numbers.plain(st.ciHigh())));
          w.write(String.join(",", row));
          w.write('\n');
        }
      }
      w.flush();
    });
  }

  public static void writeJson(Sweep s, Path file) {
    JsonFiles.write(file, g -> {
      g.writeStartObject();
      JsonFiles.header(g, "sweep", s.scenario(), s.source(), s.seed(), s.replications());
      if (s.variant() == null) {
        g.writeNullField("variant");
      } else {
        g.writeStringField("variant", s.variant());
      }
      JsonFiles.number(g, "wallSeconds", Math.round(s.wallSeconds() * 1000) / 1000.0);
      g.writeNumberField("wallThreads", s.wallThreads());
      g.writeArrayFieldStart("params");
      for (SweepParam p : s.params()) {
        g.writeStartObject();
        g.writeStringField("path", p.path());
        g.writeArrayFieldStart("values");
        for (String v : p.values()) {
          g.writeString(v);
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("points");
      for (int i = 0; i < s.points().size(); i++) {
        g.writeStartObject();
        g.writeObjectFieldStart("params");
        for (int k = 0; k < s.params().size(); k++) {
          g.writeStringField(s.params().get(k).path(), s.points().get(i).get(k));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("metrics");
        for (int m = 0; m < s.metrics().size(); m++) {
          g.writeObjectFieldStart(s.metrics().get(m).text());
          JsonFiles.summaryFields(g, s.stats().get(i).stat(m));
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
