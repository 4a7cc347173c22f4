package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Opens report.html in headless Chromium and checks the rendered page, not the HTML text: every
 * chart container holds an SVG drawn by ECharts; every line series is drawn as a path in its colour
 * with many segments and every scatter series as one symbol per point; the page raised no script
 * error. The page records what it drew (series and point counts, errors collected by
 * {@code window.onerror} and {@code console.error}) in {@code #smsim-render-status}; this test reads
 * that record and holds it against the SVG of the same DOM. The seed replay's report is checked, as
 * {@code ./smsim replay scenarios/csp-north-2019-04-02.yaml} writes it, and one with failovers; then
 * the reports of a compare and of two sweeps of the small scenario: every chart draws each mean as a
 * symbol and each confidence interval as a whisker (three strokes), as many as the page's data has.
 *
 * <p>Skipped, with a message, only where no Chromium can be had; {@code .ci/run} installs Debian's.
 */
class ReportRendersInBrowserTest {

  private static final List<String> SEED_CHARTS = List.of("chart-rate", "chart-success", "chart-processes-north",
      "chart-processes-central", "chart-processes-south", "chart-latency");

  private static HeadlessChromium browser;
  private static Rendered seed;

  /** A page's DOM after its scripts ran, and the record the page wrote of what it drew. */
  private record Rendered(Document dom, JsonNode status) {
  }

  private static final String NO_BROWSER = "SKIPPED ReportRendersInBrowserTest: no Chromium on PATH (chromium, "
      + "chromium-browser, google-chrome) nor in SMSIM_CHROMIUM, so report.html cannot be rendered; install Debian's "
      + "chromium (.ci/run does: apt-get install -y chromium)";

  @BeforeAll
  static void renderSeedReport() throws Exception {
    browser = HeadlessChromium.find().orElse(null);
    if (browser == null) {
      System.err.println(NO_BROWSER);
      return;
    }
    seed = render(SeedReplay.dir().resolve(ReplayReports.HTML));
  }

  @BeforeEach
  void needsBrowser() {
    Assumptions.assumeTrue(browser != null, NO_BROWSER);
  }

  @Test
  void seedPageRanWithoutScriptErrors() {
    assertNoErrors(seed);
  }

  @Test
  void everySeedChartContainerHoldsARenderedSvg() {
    assertThat(seed.dom().select("[data-chart]").eachAttr("id")).containsExactlyElementsOf(SEED_CHARTS);
    assertChartsDrawn(seed);
  }

  @Test
  void everySeedSeriesHasDataAndIsDrawn() {
    assertSeriesDrawn(seed);
  }

  @Test
  void seedChartsShowTheIncidentAndTheProcessTableFilling() {
    Map<String, JsonNode> byId = new HashMap<>();
    seed.status().path("charts").forEach(c -> byId.put(c.path("id").asText(), c));
    assertThat(byId.get("chart-processes-north").path("series").findValuesAsText("name"))
        .contains("primary", "secondary", "reaper threshold", "reaper runs", "limit reached");
    assertThat(seed.dom().getElementById("chart-rate").text()).as("incident window label in the rate chart")
        .contains("North 10:");
    assertThat(seed.dom().getElementById("chart-success").text()).contains("SLO").contains("alert").contains("restart");
  }

  @Test
  void timeAxesCarryDateYearAndZoneAndTheLogAxisOneUnitPerSide() {
    for (String id : SEED_CHARTS) {
      String text = seed.dom().getElementById(id).text();
      assertThat(text).as(id + ": the zone of the clock").contains("local time, Europe/London");
      assertThat(text).as(id + ": every date label has its month and year").contains("Apr 2019");
    }
    java.util.List<String> ticks = seed.dom().getElementById("chart-latency").select("svg text").eachText();
    assertThat(ticks).as("log latency ticks: ms below a second, s above, never hours or minutes")
        .noneMatch(t -> t.matches("[\\d.,]+ (h|min)")).anyMatch(t -> t.matches("[\\d,]+ s"));
  }

  @Test
  void reportWithFailoversRendersToo() throws Exception {
    Path dir = SeedReplay.tempDir("smsim-browser-failovers");
    SmallScenarios.replay(SmallScenarios.FAILOVERS, dir.resolve("out"));
    Rendered page = render(dir.resolve("out").resolve(ReplayReports.HTML));
    assertNoErrors(page);
    assertThat(page.dom().select("[data-chart]").eachAttr("id")).containsExactly("chart-rate", "chart-success",
        "chart-processes-north", "chart-processes-south", "chart-latency");
    assertChartsDrawn(page);
    assertSeriesDrawn(page);
    assertThat(page.dom().getElementById("chart-processes-north").select("svg path").size())
        .as("failover and switchover lines drawn").isGreaterThan(seed.dom().getElementById("chart-processes-central")
            .select("svg path").size());
  }

  @Test
  void compareReportDrawsEveryMeanAndWhisker() throws Exception {
    Rendered page = render(SmallStudies.compare().dir().resolve(ReplayReports.HTML));
    assertNoErrors(page);
    assertThat(page.dom().select("[data-chart]")).hasSize(10);
    assertChartsDrawn(page);
    assertStudySeriesDrawn(page);
    assertThat(page.dom().getElementById("chart-diff-birthingEvents-impacted").text()).as("zero line named")
        .contains("base");
    for (String count : java.util.List.of("chart-metric-birthingEvents-impacted", "chart-metric-requests-failed")) {
      java.util.List<String> numbers = page.dom().getElementById(count).select("svg text").eachText().stream()
          .filter(t -> t.matches("-?[\\d,]*\\.?\\d+")).toList();
      assertThat(numbers).as(count + ": a count axis ticks in whole numbers from 0").isNotEmpty()
          .allMatch(t -> t.matches("[\\d,]+"));
    }
  }

  @Test
  void sweepReportDrawsEveryLineMeanAndWhisker() throws Exception {
    Rendered page = render(SmallStudies.sweep().dir().resolve(ReplayReports.HTML));
    assertNoErrors(page);
    assertThat(page.dom().select("[data-chart]")).hasSize(5);
    assertChartsDrawn(page);
    assertStudySeriesDrawn(page);
    assertThat(page.dom().getElementById("chart-birthingEvents-impacted-north").text()).contains("none")
        .contains("30m").contains("workloadScale = 1.2");
  }

  @Test
  void sweepOfThreeParametersDrawsSmallMultiples() throws Exception {
    Rendered page = render(SmallStudies.sweep3().dir().resolve(ReplayReports.HTML));
    assertNoErrors(page);
    assertThat(page.dom().select(".multiples [data-chart]")).hasSize(10);
    assertChartsDrawn(page);
    assertStudySeriesDrawn(page);
  }

  /**
   * For each group of points (a region, a line) of each chart, from the page's own data: every mean
   * with a value is drawn as a symbol in the group's colour, and every non-degenerate confidence
   * interval as a whisker: one path in that colour with three moves (the interval, two caps) per CI.
   */
  private static void assertStudySeriesDrawn(Rendered page) throws IOException {
    JsonNode data = SeedReplay.JSON.readTree(page.dom().getElementById("smsim-data").data());
    Map<String, JsonNode> charts = new HashMap<>();
    data.path("charts").forEach(c -> charts.put(c.path("id").asText(), c));
    for (JsonNode chart : page.status().path("charts")) {
      String id = chart.path("id").asText();
      Element svg = page.dom().getElementById(id).selectFirst("svg");
      JsonNode groups = charts.get(id).has("groups") ? charts.get(id).path("groups") : charts.get(id).path("lines");
      Map<String, JsonNode> drawn = new HashMap<>();
      chart.path("series").forEach(s -> drawn.put(s.path("id").asText(), s));
      int valuedMeans = 0;
      for (JsonNode g : groups) {
        int means = 0;
        int whiskers = 0;
        for (JsonNode p : g.path("points")) {
          means += p.path("mean").isNull() ? 0 : 1;
          whiskers += !p.path("ciLow").isNull() && p.path("ciLow").asDouble() < p.path("ciHigh").asDouble() ? 1 : 0;
        }
        String name = id + " / " + g.path("name").asText();
        JsonNode mean = drawn.get("mean:" + g.path("name").asText());
        assertThat(mean).as("means of %s", name).isNotNull();
        assertThat(mean.path("valued").asInt()).as("means with a value of %s", name).isEqualTo(means);
        String color = mean.path("color").asText().toLowerCase(Locale.ROOT);
        assertThat(symbols(svg, color)).as("symbols drawn for %s", name).isGreaterThanOrEqualTo(means);
        JsonNode ci = drawn.get("ci:" + g.path("name").asText());
        if (whiskers == 0) {
          assertThat(ci).as("no whiskers for %s", name).isNull();
        } else {
          assertThat(ci.path("valued").asInt()).as("whisker ends of %s", name).isEqualTo(6 * whiskers);
          assertThat(mostMoves(svg, color)).as("whisker strokes drawn for %s", name).isEqualTo(3 * whiskers);
        }
        valuedMeans += means;
      }
      assertThat(valuedMeans).as("means drawn in #%s", id).isPositive();
    }
  }

  /** Moves ({@code M}: separate strokes) of the path stroked in {@code color} that has most. */
  private static int mostMoves(Element svg, String color) {
    int best = 0;
    for (Element p : svg.select("path")) {
      if (p.attr("stroke").equalsIgnoreCase(color)) {
        best = Math.max(best, (int) p.attr("d").chars().filter(ch -> ch == 'M').count());
      }
    }
    return best;
  }

  private static Rendered render(Path page) throws IOException, InterruptedException {
    Document dom = Jsoup.parse(browser.dumpDom(page));
    Element record = dom.getElementById("smsim-render-status");
    assertThat(record).as("the page wrote its render record (its scripts ran to the end)").isNotNull();
    return new Rendered(dom, SeedReplay.JSON.readTree(record.data()));
  }

  private static void assertNoErrors(Rendered page) {
    assertThat(page.status().path("errors")).as("script errors").isEmpty();
    assertThat(page.status().path("timedOut").asBoolean()).as("charts finished rendering").isFalse();
    assertThat(page.dom().selectFirst("html").attr("data-render")).isEqualTo("done");
  }

  private static void assertChartsDrawn(Rendered page) {
    List<String> ids = page.dom().select("[data-chart]").eachAttr("id");
    List<String> recorded = new java.util.ArrayList<>();
    page.status().path("charts").forEach(c -> recorded.add(c.path("id").asText()));
    assertThat(recorded).containsExactlyElementsOf(ids);
    for (String id : ids) {
      Element svg = page.dom().getElementById(id).selectFirst("svg");
      assertThat(svg).as("svg in #%s", id).isNotNull();
      assertThat(Integer.parseInt(svg.attr("width"))).as("width of #%s", id).isGreaterThan(300);
      assertThat(svg.select("path").size()).as("paths in #%s", id).isGreaterThan(10);
    }
  }

  private static void assertSeriesDrawn(Rendered page) {
    for (JsonNode chart : page.status().path("charts")) {
      String id = chart.path("id").asText();
      Element svg = page.dom().getElementById(id).selectFirst("svg");
      assertThat(chart.path("series").size()).as("series in #%s", id).isPositive();
      for (JsonNode series : chart.path("series")) {
        String name = id + " / " + series.path("name").asText();
        int points = series.path("points").asInt();
        int valued = series.path("valued").asInt();
        String color = series.path("color").asText().toLowerCase(Locale.ROOT);
        assertThat(points).as("data points of %s", name).isPositive();
        assertThat(valued).as("data points with a value of %s", name).isPositive().isLessThanOrEqualTo(points);
        if (series.path("type").asText().equals("line")) {
          // the renderer merges sub-pixel steps, so a long series draws about one segment per pixel
          assertThat(longestPath(svg, color)).as("segments drawn for %s (%d points with a value)", name, valued)
              .isGreaterThanOrEqualTo(Math.min(100, valued - 1));
        } else {
          assertThat(symbols(svg, color)).as("symbols drawn for %s", name).isGreaterThanOrEqualTo(valued);
        }
      }
    }
  }

  /** Line segments of the longest path stroked in {@code color}. */
  private static int longestPath(Element svg, String color) {
    int best = 0;
    for (Element p : svg.select("path")) {
      if (p.attr("stroke").equalsIgnoreCase(color)) {
        best = Math.max(best, (int) p.attr("d").chars().filter(ch -> ch == 'L').count());
      }
    }
    return best;
  }

  /** Paths filled with {@code color}: scatter symbols (and the legend's). */
  private static int symbols(Element svg, String color) {
    return (int) svg.select("path").stream().filter(p -> p.attr("fill").equalsIgnoreCase(color)).count();
  }
}
