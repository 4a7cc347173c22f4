package io.smsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.analysis.Sweep;
import java.io.IOException;

/**
 * The data of a sweep's charts, ready to draw, as JSON for {@code study.js}: per chart the first
 * parameter's values (the x axis) and per line the statistic at each, with sweep.json's numbers,
 * the console's text and the point's index in sweep.json.
 */
final class SweepCharts {

  private final SweepView view;

  private SweepCharts(SweepView view) {
    this.view = view;
  }

  static String json(SweepView view) {
    return HtmlJson.write(new SweepCharts(view)::write);
  }

  private void write(JsonGenerator g) throws IOException {
    Sweep s = view.sweep();
    g.writeStartObject();
    g.writeStringField("kind", "sweep");
    g.writeNumberField("replications", s.replications());
    g.writeArrayFieldStart("charts");
    for (SweepView.Chart c : view.charts()) {
      g.writeStartObject();
      g.writeStringField("id", c.id());
      g.writeStringField("metric", c.metric());
      g.writeStringField("label", c.label());
      g.writeStringField("region", c.region().key());
      String title = CompareHtml.capitalised(c.label()) + ", " + c.region().key();
      g.writeStringField("title", c.panel().isEmpty() ? title : title + " · " + view.panelTitle(c));
      g.writeStringField("xName", s.params().get(0).path());
      g.writeArrayFieldStart("x");
      for (String v : s.params().get(0).values()) {
        g.writeString(v);
      }
      g.writeEndArray();
      g.writeArrayFieldStart("lines");
      for (SweepView.Line line : c.lines()) {
        g.writeStartObject();
        g.writeStringField("name", line.name());
        g.writeArrayFieldStart("points");
        for (int point : line.points()) {
          g.writeStartObject();
          g.writeNumberField("point", point);
          StatCell.fields(g, view.stat(point, c.region(), c.metric()), view.text(point, c.region(), c.metric()));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
