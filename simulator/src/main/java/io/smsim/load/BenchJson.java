package io.smsim.load;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/**
 * What the in-process and the external failover bench write alike into a run of their
 * {@code bench.json}: times in seconds to the millisecond (absent as {@code null}), and a run's
 * closing fields: its SLO verdicts, whether it passed, and its load ledger.
 */
final class BenchJson {

  private BenchJson() {
  }

  /** {@code v} rounded to the millisecond; NaN (not measured) stays NaN. */
  static double round(double v) {
    return Double.isNaN(v) ? v : Math.round(v * 1000) / 1000.0;
  }

  /** A time in seconds, or {@code null} when it was not measured (NaN). */
  static void seconds(String name, double v, JsonGenerator g) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, round(v));
    }
  }

  /** Writes a run's SLO verdicts, {@code passed} and {@code load}, and closes the run's object. */
  static void endRun(List<Slo.Verdict> slo, boolean passed, LoadResult load, JsonGenerator g) throws IOException {
    LoadSummaryJson.slo(slo, g);
    g.writeBooleanField("passed", passed);
    g.writeObjectFieldStart("load");
    LoadSummaryJson.fields(load, List.of(), g);
    g.writeEndObject();
    g.writeEndObject();
  }
}
