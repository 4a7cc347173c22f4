package io.smsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.analysis.Comparison;
import io.smsim.model.Region;
import java.io.IOException;

/**
 * The data of a compare's charts, ready to draw, as JSON for {@code compare.js}: per key metric that
 * applies, one chart of the means per variant and one of the paired differences from the baseline,
 * each with one group of points per region shown. A point is a variant's statistic with compare.json's
 * numbers and the console's text; its {@code variant} index locates it in compare.json.
 */
final class CompareCharts {

  private final CompareView view;
  private final Comparison c;

  private CompareCharts(CompareView view) {
    this.view = view;
    this.c = view.comparison();
  }

  static String json(CompareView view) {
    return HtmlJson.write(new CompareCharts(view)::write);
  }

  private void write(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("kind", "compare");
    g.writeStringField("baseline", c.baselineVariant().name());
    g.writeNumberField("replications", c.replications());
    g.writeArrayFieldStart("charts");
    for (CompareView.Metric m : view.metrics()) {
      if (m.applies()) {
        chart(g, m, false);
      }
      if (m.applies() && m.differs()) {
        chart(g, m, true);
      }
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private void chart(JsonGenerator g, CompareView.Metric m, boolean diff) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", "chart-" + (diff ? "diff-" : "metric-") + m.slug());
    g.writeStringField("kind", diff ? "diff" : "metric");
    g.writeStringField("metric", m.name());
    g.writeStringField("label", m.label());
    g.writeArrayFieldStart("categories");
    for (int v = 0; v < c.variants().size(); v++) {
      if (!(diff && v == c.baseline())) {
        g.writeString(c.variants().get(v).name() + (v == c.baseline() ? " (baseline)" : ""));
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("groups");
    for (Region r : view.shown()) {
      g.writeStartObject();
      g.writeStringField("region", r.key());
      g.writeStringField("name", CompareView.regionName(r));
      g.writeArrayFieldStart("points");
      for (int v = 0; v < c.variants().size(); v++) {
        if (diff && v == c.baseline()) {
          continue;
        }
        g.writeStartObject();
        g.writeNumberField("variant", v);
        if (diff) {
          StatCell.fields(g, view.diff(v, r, m.name()), view.diffText(v, r, m.name()));
        } else {
          StatCell.fields(g, view.stat(v, r, m.name()), view.statText(v, r, m.name()));
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
