package io.smsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The frame every {@code report.html} shares (replay, compare, sweep): the {@code report.html}
 * template with the style sheet, a header and chart sections written by the caller, the chart data
 * as JSON, Apache ECharts with its licences ({@link EchartsLibrary}) and the scripts — {@code charts.js},
 * which draws every {@code [data-chart]} element and records what it drew, then the page's own.
 */
final class Page {

  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

  private Page() {
  }

  /**
   * @param header HTML of the {@code <header>} element
   * @param sections HTML of the {@code <main>} element
   * @param footer HTML of the footer's paragraph
   * @param data JSON from {@link HtmlJson}
   * @param script the page's script resource, e.g. {@code report.js}
   */
  static String render(String title, String header, String sections, String footer, String data, String script) {
    EchartsLibrary echarts = EchartsLibrary.get();
    Map<String, String> slots = Map.of(
        "title", Html.text(title),
        "style", resource("report.css"),
        "header", header,
        "sections", sections,
        "footer", footer + " Charts by Apache ECharts " + Html.text(echarts.version())
            + ", embedded (this file needs no network).",
        "data", data,
        "notice", echarts.notice(),
        "echarts", echarts.script(),
        "script", resource("charts.js") + "\n" + resource(script));
    return fill(resource("report.html"), slots);
  }

  static void write(Path file, String html) {
    try {
      Files.writeString(file, html, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Replaces each {@code {{name}}} of the template in one pass, so inserted text is never rescanned. */
  static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + (1 << 20));
    int last = 0;
    while (m.find()) {
      String value = slots.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("template slot without a value: " + m.group());
      }
      out.append(template, last, m.start()).append(value);
      last = m.end();
    }
    return out.append(template, last, template.length()).toString();
  }

  static String resource(String name) {
    try (InputStream in = Page.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/smsim/report/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
