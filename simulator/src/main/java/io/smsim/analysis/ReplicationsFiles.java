package io.smsim.analysis;

import io.smsim.model.Region;
import io.smsim.output.OutputFiles;
import io.smsim.scenario.MetricPath;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@link Replications}: {@code replications.csv} (long format: region, metric, n, mean, sd,
 * ci_low, ci_high) and {@code replications.json} (the same plus each replication's value), and the
 * console table of key metrics by region.
 */
public final class ReplicationsFiles {

  private ReplicationsFiles() {
  }

  public static void writeCsv(Replications reps, Path file) {
    OutputFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write("region,metric,n,mean,sd,ci_low,ci_high\n");
      for (int m = 0; m < reps.metrics().size(); m++) {
        MetricPath metric = reps.metrics().get(m);
        Summary s = reps.stats().stat(m);
        w.write(String.join(",", metric.regionKey(), metric.metric(), Integer.toString(s.n()), Numbers.plain(s.mean()),
            Numbers.plain(s.sd()), Numbers.plain(s.ciLow()), Numbers.plain(s.ciHigh())));
        w.write('\n');
      }
      w.flush();
    });
  }

  public static void writeJson(Replications reps, Path file) {
    JsonFiles.write(file, g -> {
      g.writeStartObject();
      JsonFiles.header(g, "replications", reps.scenario(), reps.source(), reps.seed(), reps.replications());
      JsonFiles.number(g, "wallSeconds", Math.round(reps.wallSeconds() * 1000) / 1000.0);
      g.writeNumberField("wallThreads", reps.wallThreads());
      g.writeObjectFieldStart("metrics");
      for (int m = 0; m < reps.metrics().size(); m++) {
        g.writeObjectFieldStart(reps.metrics().get(m).text());
        JsonFiles.summaryFields(g, reps.stats().stat(m));
        g.writeArrayFieldStart("values");
        for (double[] rep : reps.values()) {
          if (Double.isFinite(rep[m])) {
            g.writeNumber(Numbers.plain(rep[m]));
          } else {
            g.writeNull();
          }
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeEndObject();
    });
  }

  /** Key metrics (rows) by region (columns) as mean [95% CI]. */
  public static void print(Replications reps, PrintWriter out) {
    out.printf(Locale.ROOT, "%s · seed %d · %d replications (replication r = substream r) · mean [95%% CI]%n",
        reps.scenario(), reps.seed(), reps.replications());
    TextTable t = new TextTable();
    List<String> header = new ArrayList<>();
    header.add("");
    List<Region> regions = new ArrayList<>();
    for (Region r : Region.values()) {
      if (reps.indexOf(MetricPath.of(r, "requests.failed")) >= 0) {
        regions.add(r);
        header.add(r.key());
      }
    }
    t.row(header);
    for (Map.Entry<String, String> key : KeyMetrics.LABELS.entrySet()) {
      List<String> row = new ArrayList<>();
      row.add(key.getValue());
      for (Region r : regions) {
        row.add(Numbers.interval(reps.stats().stat(reps.indexOf(MetricPath.of(r, key.getKey()))), reps.replications()));
      }
      t.row(row);
    }
    t.print(out);
  }
}
