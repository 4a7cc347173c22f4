package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One source of numbers for {@code smsim sweep}: every value report.html shows equals sweep.json at
 * its tag, the table is the console's, and each chart draws the metric against the first parameter
 * with one line per value of the second (small multiples for a third), from sweep.json's numbers.
 */
class SweepReportTest {

  private static SmallStudies.Run run;
  private static JsonNode json;
  private static Document html;

  @BeforeAll
  static void load() {
    run = SmallStudies.sweep();
    json = run.json("sweep.json");
    html = Jsoup.parse(run.read(ReplayReports.HTML));
  }

  @Test
  void everyTaggedValueEqualsSweepJson() {
    List<Element> tagged = html.select("[data-pointer]");
    assertThat(tagged).hasSizeGreaterThan(6 * 5);
    for (Element e : tagged) {
      assertThat(e.closest("[data-source]").attr("data-source")).isEqualTo("sweep.json");
      StudyJson.assertTagEquals(json, e);
    }
  }

  @Test
  void tableIsTheConsoleTable() {
    SmallStudies.Table console = SmallStudies.consoleTables(run.console()).stream()
        .filter(t -> t.rows().get(0).get(0).equals("regions.north.reaper.period")).findFirst().orElseThrow();
    assertThat(StudyJson.rows(html.getElementById("sweep-points"))).isEqualTo(console.rows());
  }

  @Test
  void eachKeyMetricIsDrawnAgainstTheFirstParameterWithALinePerValueOfTheSecond() throws IOException {
    JsonNode data = data(html);
    assertThat(data.path("charts").findValuesAsText("id")).containsExactly("chart-birthingEvents-impacted-north",
        "chart-requests-failed-north", "chart-outageMinutes-north", "chart-detectionDelayMinutes-north",
        "chart-failovers-north");
    for (JsonNode chart : data.path("charts")) {
      assertThat(chart.path("x").toString()).isEqualTo("[\"none\",\"2h\",\"30m\"]");
      assertThat(chart.path("lines").findValuesAsText("name")).containsExactly("workloadScale = 0.8",
          "workloadScale = 1.2");
    }
    assertChartDataIsSweepJson(data, json, 6);
    assertThat(html.select("[data-chart]").eachAttr("id")).isEqualTo(data.path("charts").findValuesAsText("id"));
  }

  @Test
  void aThirdParameterGivesOneChartPerValue() throws IOException {
    SmallStudies.Run three = SmallStudies.sweep3();
    Document page = Jsoup.parse(three.read(ReplayReports.HTML));
    JsonNode data = data(page);
    List<String> titles = data.path("charts").findValuesAsText("title");
    assertThat(titles).hasSize(2 * 5).contains("Births impacted, north · regions.north.gateway.processLimit = 800",
        "Births impacted, north · regions.north.gateway.processLimit = 1000");
    assertThat(page.select(".multiples [data-chart]")).hasSize(2 * 5);
    assertChartDataIsSweepJson(data, three.json("sweep.json"), 8);
    for (Element e : page.select("[data-pointer]")) {
      StudyJson.assertTagEquals(three.json("sweep.json"), e);
    }
  }

  @Test
  void headerNamesTheGrid() {
    String header = html.selectFirst("header").text();
    assertThat(header).contains("Sweep: small-leak").contains("seed 7").contains("replications 2 per point")
        .contains("grid regions.north.reaper.period = none, 2h, 30m × workloadScale = 0.8, 1.2 (6 points)");
  }

  @Test
  void noReportWritesOnlyTheCsvAndJson() throws IOException {
    SmallStudies.Run quiet = SmallStudies.run("sweep", "--param", "workloadScale=1", "--replications", "1",
        "--no-report");
    try (var files = Files.list(quiet.dir())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("sweep.csv", "sweep.json");
    }
  }

  /** Every point of every chart holds sweep.json's statistic; every point of the grid is drawn. */
  private static void assertChartDataIsSweepJson(JsonNode data, JsonNode sweep, int points) {
    for (JsonNode chart : data.path("charts")) {
      List<Integer> seen = new ArrayList<>();
      for (JsonNode line : chart.path("lines")) {
        for (JsonNode p : line.path("points")) {
          JsonNode stat = sweep.path("points").get(p.path("point").asInt()).path("metrics")
              .path("regions." + chart.path("region").asText() + "." + chart.path("metric").asText());
          StudyJson.assertStatEquals(stat, p, chart.path("id").asText());
          seen.add(p.path("point").asInt());
        }
      }
      assertThat(seen).as("points of %s", chart.path("id")).doesNotHaveDuplicates()
          .hasSize(points / (data.path("charts").size() / 5));
    }
  }

  private static JsonNode data(Document page) throws IOException {
    return SeedReplay.JSON.readTree(page.getElementById("smsim-data").data());
  }
}
