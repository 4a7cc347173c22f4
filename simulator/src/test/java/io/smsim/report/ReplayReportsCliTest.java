package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code smsim replay} writes the reports by default and not with {@code --no-report}; the reports of
 * small scenarios of other shapes than the seed's (no incident over a month, repeated failovers).
 */
class ReplayReportsCliTest {

  private Path dir;

  @BeforeEach
  void createDir() throws IOException {
    dir = Files.createTempDirectory("smsim-report-cli");
  }

  @AfterEach
  void deleteDir() {
    SeedReplay.deleteTree(dir);
  }

  @Test
  void noReportWritesOnlySummaryAndTimeline() throws IOException {
    replay(SmallScenarios.QUIET_MONTH, "--no-report");
    assertThat(dir.resolve("out").toFile().list()).containsExactlyInAnyOrder("summary.json", "timeline.csv");
  }

  @Test
  void longQuietRunGivesABoundedReportAndAReviewWithoutIncident() throws IOException {
    String console = replay(SmallScenarios.QUIET_MONTH);
    assertThat(console).contains("report.html").contains("incident-review.md");
    Path out = dir.resolve("out");
    String html = Files.readString(out.resolve(ReplayReports.HTML));
    JsonNode data = SeedReplay.JSON.readTree(Jsoup.parse(html).getElementById("smsim-data").data());
    JsonNode minutes = data.path("regions").get(0).path("minutes");
    assertThat(minutes.path("t").size()).as("points of a month's series").isLessThanOrEqualTo(ChartData.MAX_POINTS)
        .isGreaterThan(ChartData.MAX_POINTS / 2);
    assertThat(minutes.path("bucket").asInt()).isGreaterThan(1);
    assertThat(Files.size(out.resolve(ReplayReports.HTML))).isLessThan(1_000_000);
    String review = Files.readString(out.resolve(ReplayReports.REVIEW));
    assertThat(review).contains("| Date of Incident(s) | None: every region's success ratio stayed at or above the SLO")
        .contains("No incident, so no root cause.");
  }

  @Test
  void failoversAreReviewedAndCharted() throws IOException {
    replay(SmallScenarios.FAILOVERS);
    Path out = dir.resolve("out");
    JsonNode north = SeedReplay.JSON.readTree(out.resolve("summary.json").toFile()).path("regions").path("north");
    assertThat(north.path("failovers").size()).as("the scenario makes failovers").isPositive();
    String review = Files.readString(out.resolve(ReplayReports.REVIEW));
    assertThat(review).contains("Failover occurred: from the")
        .contains("| Fail over to the standby when the application degrades, not only when the server hardware"
            + " fails (monitoring of channels decides when). | Yes: health check (synthetic probe every 10 s,"
            + " 3 failures, switchover 1 min) | CSP North |")
        .contains("All " + north.path("incidents").size() + " incidents of the run")
        .contains("whilst the South region remained unaffected");
    String html = Files.readString(out.resolve(ReplayReports.HTML));
    assertThat(Jsoup.parse(html).select("[data-chart]").eachAttr("id")).containsExactly("chart-rate", "chart-success",
        "chart-processes-north", "chart-processes-south", "chart-latency");
    assertThat(html).contains("\"kind\":\"failover\"").contains("\"kind\":\"switchover-complete\"");
  }

  @Test
  void sameScenarioAndSeedGiveByteIdenticalReports() throws IOException {
    replay(SmallScenarios.FAILOVERS);
    SmallScenarios.replay(SmallScenarios.FAILOVERS, dir.resolve("again"));
    for (String file : new String[] {ReplayReports.HTML, ReplayReports.REVIEW}) {
      assertThat(Files.mismatch(dir.resolve("out").resolve(file), dir.resolve("again").resolve(file))).as(file)
          .isEqualTo(-1L);
    }
  }

  @Test
  void replicationsAreCountedInTheHeaderAndSummarisedAsOnTheConsole() {
    SmallStudies.Run run = SmallStudies.run("replay", "--variant", "base", "--replications", "3");
    org.jsoup.nodes.Document html = Jsoup.parse(run.read(ReplayReports.HTML));
    assertThat(html.selectFirst("header").text()).contains("replications 3 (replication 0 in the figures, incidents"
        + " and charts; the statistics over all 3 follow the figures)");
    org.jsoup.nodes.Element table = html.getElementById("replication-stats");
    assertThat(table.attr("data-source")).isEqualTo("replications.json");
    JsonNode json = run.json("replications.json");
    assertThat(table.select("[data-pointer]")).hasSize(5 + 3); // the key metrics, then the first incident's times
    for (org.jsoup.nodes.Element e : table.select("[data-pointer]")) {
      StudyJson.assertTagEquals(json, e);
    }
    List<List<String>> console = SmallStudies.consoleTables(run.console()).stream().map(SmallStudies.Table::rows)
        .filter(rows -> rows.stream().anyMatch(r -> r.get(0).equals("births impacted"))).findFirst().orElseThrow();
    int header = console.indexOf(List.of("north"));
    assertThat(header).as("the console table's header").isNotNegative();
    assertThat(StudyJson.rows(table)).isEqualTo(console.subList(header, header + 1 + 5 + 3));
    assertThat(run.read(ReplayReports.REVIEW)).contains("no comparison was run with this replay");
  }

  private String replay(String yaml, String... extra) throws IOException {
    return SmallScenarios.replay(yaml, dir.resolve("out"), extra);
  }

}
