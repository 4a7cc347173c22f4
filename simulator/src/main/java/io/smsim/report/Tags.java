package io.smsim.report;

/** Tagged HTML of the study reports (compare, sweep): values tied to their place in the study's JSON file. */
final class Tags {

  private Tags() {
  }

  /** A shown value with the JSON Pointer of where the file named by the nearest {@code data-source} holds it. */
  static String span(String pointer, String value, String text) {
    return "<span data-pointer=\"" + Html.text(pointer) + "\" data-value=\"" + Html.text(value) + "\">"
        + Html.text(text) + "</span>";
  }

  /** One term of a {@code <dl class="meta">}. */
  static void meta(StringBuilder h, String term, String html) {
    h.append("<dt>").append(Html.text(term)).append("</dt><dd>").append(html).append("</dd>\n");
  }
}
