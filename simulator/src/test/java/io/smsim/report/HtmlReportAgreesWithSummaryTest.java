package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One source of numbers: every number report.html shows is tagged with its summary.json path and
 * must equal the value there; the console prints the same texts; the chart data adds up to the
 * same totals. Read from the seed replay's actual files.
 */
class HtmlReportAgreesWithSummaryTest {

  private static JsonNode summary;
  private static Document html;

  @BeforeAll
  static void load() {
    summary = SeedReplay.summary();
    html = Jsoup.parse(SeedReplay.read(ReplayReports.HTML));
  }

  @Test
  void everyTaggedNumberEqualsSummaryJson() {
    List<Element> tagged = html.select("[data-json]");
    assertThat(tagged).hasSizeGreaterThan(40);
    for (Element e : tagged) {
      String path = e.attr("data-json");
      String value = e.attr("data-value");
      JsonNode node = SeedReplay.at(summary, path);
      assertThat(node.isMissingNode()).as("summary.json has %s", path).isFalse();
      switch (e.attr("data-derive")) {
        case "length" -> assertThat(Integer.parseInt(value)).as(path).isEqualTo(node.size());
        case "successRatio" -> {
          double ok = node.path("succeeded").asDouble();
          double failed = node.path("failed").asDouble();
          assertThat(Double.parseDouble(value)).as(path).isCloseTo(ok / (ok + failed), within(1e-12));
        }
        default -> {
          if (node.isNull()) {
            assertThat(value).as(path).isEmpty();
          } else if (node.isNumber()) {
            assertThat(Double.parseDouble(value)).as(path).isEqualTo(node.asDouble());
          } else {
            assertThat(value).as(path).isEqualTo(node.asText());
          }
        }
      }
    }
  }

  @Test
  void keyFiguresOfEveryRegionAreShownAsTheConsolePrintsThem() {
    List<String> consoleLines = Arrays.asList(SeedReplay.console().split("\n"));
    summary.path("regions").fieldNames().forEachRemaining(region -> {
      Element row = html.selectFirst("#key-figures tr[data-region=" + region + "]");
      assertThat(row).as("key figures row of %s", region).isNotNull();
      List<String> cells = new ArrayList<>(row.select("td").eachText());
      assertThat(cells).hasSize(1 + KeyFigures.LABELS.size());
      String consoleRow = consoleLines.stream().filter(l -> l.startsWith(region + " ")).findFirst().orElseThrow();
      assertThat(Arrays.asList(consoleRow.trim().split("\\s+"))).as("console row of %s", region)
          .isEqualTo(cells);
    });
  }

  @Test
  void shownTextsAreTheTaggedValuesFormatted() {
    for (Element td : html.select("#key-figures td[data-json]")) {
      String text = td.text().replace(",", "");
      double value = Double.parseDouble(td.attr("data-value"));
      if (td.attr("data-derive").equals("successRatio")) {
        assertThat(Double.parseDouble(text.replace("%", ""))).isCloseTo(100 * value, within(0.0005));
      } else {
        assertThat(Double.parseDouble(text)).as(td.attr("data-json")).isCloseTo(value, within(0.5));
      }
    }
  }

  @Test
  void chartDataAddsUpToTheSummaryTotals() throws Exception {
    JsonNode data = SeedReplay.JSON.readTree(html.getElementById("smsim-data").data());
    long t0 = data.path("t0").asLong();
    for (JsonNode region : data.path("regions")) {
      JsonNode s = summary.path("regions").path(region.path("key").asText());
      JsonNode minutes = region.path("minutes");
      assertThat(sum(minutes.path("a"))).as("attempts in the chart of %s", region.path("key"))
          .isEqualTo(s.path("attempts").path("total").asLong());
      assertThat(sum(minutes.path("f"))).isEqualTo(s.path("attempts").path("failed").asLong());
      assertThat(sum(minutes.path("w"))).as("minutes covered")
          .isEqualTo(java.time.Duration.between(java.time.Instant.parse(summary.path("virtualStart").asText()),
              java.time.Instant.parse(summary.path("virtualEnd").asText())).toMinutes());
      JsonNode incidents = s.path("incidents");
      assertThat(region.path("incidents").size()).isEqualTo(incidents.size());
      for (int i = 0; i < incidents.size(); i++) {
        assertThat(t0 + region.path("incidents").get(i).path("s").asLong())
            .isEqualTo(localMillis(incidents.get(i).path("startLocal").asText()));
        assertThat(t0 + region.path("incidents").get(i).path("e").asLong())
            .isEqualTo(localMillis(incidents.get(i).path("endLocal").asText()));
      }
    }
  }

  @Test
  void headerNamesScenarioSeedAndReplications() {
    String header = html.selectFirst("header").text();
    assertThat(header).contains(summary.path("scenario").asText())
        .contains("seed " + summary.path("seed").asText())
        .contains("replications 1 (replication 0)");
  }

  @Test
  void pageIsSelfContained() {
    assertThat(html.select("script[src], link[href], img[src], iframe, object, embed")).isEmpty();
    for (Element a : html.select("a[href]")) {
      assertThat(a.attr("href")).as("links stay next to the report").doesNotContain("://");
    }
    String text = SeedReplay.read(ReplayReports.HTML);
    assertThat(text).contains("Apache License, Version 2.0").contains("The Apache Software Foundation")
        .contains("d3");
  }

  private static long sum(JsonNode array) {
    long s = 0;
    for (JsonNode n : array) {
      s += n.asLong();
    }
    return s;
  }

  /** Local wall-clock time of an ISO offset time as epoch milliseconds read as UTC (the charts' time axis). */
  private static long localMillis(String isoOffset) {
    LocalDateTime local = OffsetDateTime.parse(isoOffset).toLocalDateTime();
    return local.toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
