package io.smsim.report;

import io.smsim.output.OutputFiles;
import java.nio.file.Path;
import java.util.Map;

/**
 * The frame every {@code report.html} shares (replay, compare, sweep): the {@code report.html}
 * template with the style sheet, a header and chart sections written by the caller, the chart data
 * as JSON, Apache ECharts with its licences ({@link EchartsLibrary}) and the scripts — {@code charts.js},
 * which draws every {@code [data-chart]} element and records what it drew, then the page's own.
 * The load and failover-bench pages use the same frame through {@link #frame}.
 */
public final class Page {

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
    return frame(title, "", header, sections, footer, data, resource("charts.js") + "\n" + resource(script));
  }

  /**
   * The frame with the caller's own script text and extra style rules (after {@code report.css}).
   *
   * @param footer HTML of the footer's paragraph; the ECharts credit is appended
   */
  public static String frame(String title, String extraStyle, String header, String sections, String footer,
      String data, String script) {
    EchartsLibrary echarts = EchartsLibrary.get();
    Map<String, String> slots = Map.of(
        "title", Html.text(title),
        "style", resource("report.css") + extraStyle,
        "header", header,
        "sections", sections,
        "footer", footer + " Charts by Apache ECharts " + Html.text(echarts.version())
            + ", embedded (this file needs no network).",
        "data", data,
        "notice", echarts.notice(),
        "echarts", echarts.script(),
        "script", script);
    return Html.fill(resource("report.html"), slots);
  }

  static void write(Path file, String html) {
    OutputFiles.writeString(file, html);
  }

  static String resource(String name) {
    return Html.resource(Page.class, name);
  }
}
