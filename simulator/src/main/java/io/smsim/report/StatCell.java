package io.smsim.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.analysis.Numbers;
import io.smsim.analysis.Summary;
import java.io.IOException;

/**
 * A statistic of a study (compare, sweep, replications) as the reports show it: the console's text
 * ({@code 36.6 [34.9, 38.2]}) tagged with where the study's JSON file holds it — an RFC 6901 JSON
 * Pointer ({@code /variants/1/metrics/regions.north.birthingEvents.impacted}; metric names contain
 * dots, so dotted paths would not do) into the file named by the nearest {@code data-source}
 * attribute — and with the numbers as that file writes them ({@link Numbers#plain}, empty for
 * null), so a test can hold the page to the file.
 */
final class StatCell {

  private StatCell() {
  }

  /** A JSON Pointer from reference tokens, each escaped ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
  static String pointer(Object... tokens) {
    StringBuilder b = new StringBuilder();
    for (Object t : tokens) {
      b.append('/').append(t.toString().replace("~", "~0").replace("/", "~1"));
    }
    return b.toString();
  }

  /** The attributes that tag a shown statistic: {@code data-pointer}, {@code data-n}, {@code data-mean}, ... */
  static String attributes(String pointer, Summary s) {
    return " data-pointer=\"" + Html.text(pointer) + "\" data-n=\"" + s.n() + "\" data-mean=\""
        + Numbers.plain(s.mean()) + "\" data-ci-low=\"" + Numbers.plain(s.ciLow()) + "\" data-ci-high=\""
        + Numbers.plain(s.ciHigh()) + "\"";
  }

  /**
   * A table cell showing {@code text}, tagged; a mean and its interval ({@code 4.10 [3.77, 4.43]})
   * on two lines, so that a table of many variants fits the page.
   */
  static String td(String pointer, Summary s, String text) {
    int ci = text.indexOf(" [");
    String shown = ci < 0 ? Html.text(text)
        : Html.text(text.substring(0, ci)) + "<br><span class=\"interval\">" + Html.text(text.substring(ci + 1))
            + "</span>";
    return "<td" + attributes(pointer, s) + ">" + shown + "</td>";
  }

  /** {@code {"n", "mean", "ciLow", "ciHigh", "text"}} as the fields of the current object (chart data). */
  static void fields(JsonGenerator g, Summary s, String text) throws IOException {
    g.writeNumberField("n", s.n());
    number(g, "mean", s.mean());
    number(g, "ciLow", s.ciLow());
    number(g, "ciHigh", s.ciHigh());
    g.writeStringField("text", text);
  }

  private static void number(JsonGenerator g, String name, double v) throws IOException {
    g.writeFieldName(name);
    if (Double.isFinite(v)) {
      g.writeNumber(Numbers.plain(v));
    } else {
      g.writeNull();
    }
  }
}
