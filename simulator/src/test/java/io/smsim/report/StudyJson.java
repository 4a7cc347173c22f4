package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/** Holds the tagged values of a study's report.html (compare, sweep, replications) to the study's JSON file. */
final class StudyJson {

  private StudyJson() {
  }

  /**
   * A {@code [data-pointer]} element: a statistic ({@code data-n}, {@code data-mean}, ...) equals
   * the summary at the pointer, a single value ({@code data-value}) the value there.
   */
  static void assertTagEquals(JsonNode root, Element e) {
    String pointer = e.attr("data-pointer");
    JsonNode node = root.at(pointer);
    assertThat(node.isMissingNode()).as("the file has %s", pointer).isFalse();
    if (e.hasAttr("data-n")) {
      assertThat(Integer.parseInt(e.attr("data-n"))).as(pointer + " n").isEqualTo(node.path("n").asInt());
      number(e.attr("data-mean"), node.path("mean"), pointer + " mean");
      number(e.attr("data-ci-low"), node.path("ciLow"), pointer + " ciLow");
      number(e.attr("data-ci-high"), node.path("ciHigh"), pointer + " ciHigh");
    } else if (node.isNumber()) {
      assertThat(Double.parseDouble(e.attr("data-value"))).as(pointer).isEqualTo(node.asDouble());
    } else {
      assertThat(e.attr("data-value")).as(pointer).isEqualTo(node.asText());
    }
  }

  /** A chart point ({@code n, mean, ciLow, ciHigh}) equals the summary in the file. */
  static void assertStatEquals(JsonNode summary, JsonNode point, String what) {
    assertThat(summary.isMissingNode()).as("summary of %s", what).isFalse();
    assertThat(point.path("n").asInt()).as(what + " n").isEqualTo(summary.path("n").asInt());
    for (String f : List.of("mean", "ciLow", "ciHigh")) {
      if (summary.path(f).isNull()) {
        assertThat(point.path(f).isNull()).as(what + " " + f + " null").isTrue();
      } else {
        assertThat(point.path(f).asDouble()).as(what + " " + f).isEqualTo(summary.path(f).asDouble());
      }
    }
  }

  private static void number(String shown, JsonNode node, String what) {
    if (node.isNull()) {
      assertThat(shown).as(what).isEmpty();
    } else {
      assertThat(Double.parseDouble(shown)).as(what).isEqualTo(node.asDouble());
    }
  }

  /** A table's rows as texts of cells, the header first. */
  static List<List<String>> rows(Element table) {
    List<List<String>> rows = new ArrayList<>();
    for (Element tr : table.select("tr")) {
      List<String> cells = new ArrayList<>(tr.select("th, td").eachText());
      while (!cells.isEmpty() && cells.get(0).isEmpty()) {
        cells.remove(0);
      }
      rows.add(cells);
    }
    return rows;
  }
}
