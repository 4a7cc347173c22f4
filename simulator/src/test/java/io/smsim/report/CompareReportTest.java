package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One source of numbers for {@code smsim compare}: every value report.html shows is tagged with its
 * JSON Pointer into compare.json and equals it there, the tables are the console's tables, and the
 * chart data holds compare.json's numbers. Read from a compare of the small scenario.
 */
class CompareReportTest {

  private static SmallStudies.Run run;
  private static JsonNode json;
  private static Document html;

  @BeforeAll
  static void load() {
    run = SmallStudies.compare();
    json = run.json("compare.json");
    html = Jsoup.parse(run.read(ReplayReports.HTML));
  }

  @Test
  void everyTaggedValueEqualsCompareJson() {
    List<Element> tagged = html.select("[data-pointer]");
    assertThat(tagged).hasSizeGreaterThan(5 * 5 * 2);
    for (Element e : tagged) {
      assertThat(e.closest("[data-source]").attr("data-source")).isEqualTo("compare.json");
      StudyJson.assertTagEquals(json, e);
    }
  }

  @Test
  void tablesAreTheConsoleTables() {
    List<SmallStudies.Table> console = SmallStudies.consoleTables(run.console());
    SmallStudies.Table metrics = console.stream().filter(t -> t.title().isEmpty()
        && t.rows().get(0).get(0).equals("north")).findFirst().orElseThrow();
    SmallStudies.Table diffs = console.stream().filter(t -> t.title().startsWith("difference from base"))
        .findFirst().orElseThrow();
    assertThat(StudyJson.rows(html.getElementById("metrics-north"))).isEqualTo(metrics.rows());
    assertThat(StudyJson.rows(html.getElementById("diffs-north"))).isEqualTo(diffs.rows());
  }

  @Test
  void chartDataHoldsCompareJsonsNumbersAndTheConsoleTexts() throws IOException {
    JsonNode data = SeedReplay.JSON.readTree(html.getElementById("smsim-data").data());
    assertThat(data.path("charts").findValuesAsText("id")).containsExactly("chart-metric-birthingEvents-impacted",
        "chart-diff-birthingEvents-impacted", "chart-metric-requests-failed", "chart-diff-requests-failed",
        "chart-metric-outageMinutes", "chart-diff-outageMinutes", "chart-metric-detectionDelayMinutes",
        "chart-diff-detectionDelayMinutes", "chart-metric-failovers", "chart-diff-failovers");
    assertThat(html.select("[data-chart]").eachAttr("id")).isEqualTo(data.path("charts").findValuesAsText("id"));
    int points = 0;
    for (JsonNode chart : data.path("charts")) {
      boolean diff = chart.path("kind").asText().equals("diff");
      for (JsonNode group : chart.path("groups")) {
        for (JsonNode p : group.path("points")) {
          JsonNode stat = json.path("variants").get(p.path("variant").asInt()).path("metrics")
              .path("regions." + group.path("region").asText() + "." + chart.path("metric").asText());
          StudyJson.assertStatEquals(diff ? stat.path("diff") : stat, p, chart.path("id").asText());
          String pointer = "/variants/" + p.path("variant").asInt() + "/metrics/regions." + group.path("region").asText()
              + "." + chart.path("metric").asText() + (diff ? "/diff" : "");
          String cell = html.selectFirst("td[data-pointer=\"" + pointer + "\"]").text();
          assertThat(p.path("text").asText()).as("tooltip text of %s", chart.path("id")).isEqualTo(cell);
          points++;
        }
      }
    }
    assertThat(points).isEqualTo(5 * 5 + 5 * 4);
  }

  @Test
  void headerNamesScenarioSeedReplicationsBaselineAndVariants() {
    String header = html.selectFirst("header").text();
    assertThat(header).contains("Compare: small-leak").contains("seed 7")
        .contains("replications " + SmallStudies.REPLICATIONS + " per variant").contains("baseline base")
        .contains("variants 5: base, reaper, reaper-fails, app-failover, no-restart")
        .contains("A reaper every 30 minutes, the report's cron job.")
        .contains("regions.north.reaper={period: 30m}");
    assertThat(html.select("#variant-list tbody tr")).hasSize(5);
  }

  @Test
  void pageIsSelfContainedAndWrittenWithTheReview() {
    assertThat(html.select("script[src], link[href], img[src], iframe, object, embed")).isEmpty();
    for (Element a : html.select("a[href]")) {
      assertThat(a.attr("href")).doesNotContain("://");
    }
    assertThat(run.console()).contains("report.html").contains("incident-review.md");
    assertThat(run.read(ReplayReports.HTML)).contains("Apache License, Version 2.0");
  }

  @Test
  void noReportWritesOnlyTheCsvAndJson() throws IOException {
    SmallStudies.Run quiet = SmallStudies.run("compare", "--replications", "1", "--variants", "base,reaper",
        "--no-report");
    try (var files = Files.list(quiet.dir())) {
      assertThat(files.map(p -> p.getFileName().toString()).toList())
          .containsExactlyInAnyOrder("compare.csv", "compare.json");
    }
  }

  @Test
  void reportsDoNotDependOnTheThreadCount() throws IOException {
    SmallStudies.Run one = SmallStudies.run("compare", "--replications", Integer.toString(SmallStudies.REPLICATIONS),
        "--threads", "1");
    for (String file : List.of(ReplayReports.HTML, ReplayReports.REVIEW)) {
      // the scenario file is in each run's own directory, and the pages name it
      assertThat(one.read(file).replace(one.dir().getParent().toString(), "DIR")).as(file)
          .isEqualTo(run.read(file).replace(run.dir().getParent().toString(), "DIR"));
    }
  }
}
