package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load and failover-bench {@code report.html} draws in a real browser (headless Chromium, as
 * the replay report's test): every chart of every run, with its series, and no script error. The
 * run is synthetic (a failover-like dip in North), so the test needs no network. Skipped without a
 * browser ({@code .ci/run} installs Debian's chromium; {@code SMSIM_CHROMIUM} names another).
 */
class LoadReportRendersInBrowserTest {

  @Test
  void everyChartOfEveryRunIsDrawnWithoutScriptErrors(@TempDir Path dir) throws Exception {
    Path chromium = chromium();
    assumeTrue(chromium != null, "no chromium on this machine: report rendering not checked");
    LoadResult r = synthetic();
    assertThat(codesPerSecond(r)).as("the synthetic run has mixed seconds").contains(110L);
    Path html = dir.resolve("report.html");
    LoadReportHtml.write(html, "test", LoadReportHtml.loadHeader(r, List.of()), List.of(
        new LoadReportHtml.Run("plain", "plain run", r, List.of(), -1),
        new LoadReportHtml.Run("bench", "bench run", r, List.of(new LoadReportHtml.Marker(5, "fault"),
            new LoadReportHtml.Marker(8.5, "failover decision")), 0 /* north */)));

    String dom = dumpDom(chromium, html, dir);
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"smsim-render-status\">([^<]*)</script>")
        .matcher(dom);
    assertThat(m.find()).as("render status written").isTrue();
    JsonNode status = new ObjectMapper().readTree(m.group(1));
    assertThat(status.get("errors")).as("script errors").isEmpty();
    long[] perSecond = codesPerSecond(r);
    int codeCharts = 0;
    for (JsonNode chart : status.get("charts")) {
      if (chart.has("stackedTotals")) {
        codeCharts++;
        List<Double> drawn = new ArrayList<>();
        chart.get("stackedTotals").forEach(v -> drawn.add(v.asDouble()));
        assertThat(drawn).as("rendered height of each second's stacked bar = all codes of that second")
            .hasSize(perSecond.length);
        for (int i = 0; i < perSecond.length; i++) {
          assertThat(drawn.get(i)).as("second " + i).isCloseTo((double) perSecond[i], within(0.5));
        }
      }
    }
    assertThat(codeCharts).as("a codes chart per run").isEqualTo(2);
    assertThat(status.get("charts")).hasSize(3 + 4);
    for (JsonNode chart : status.get("charts")) {
      assertThat(chart.get("series").asInt()).as(chart.get("title").asText()).isPositive();
    }
    assertThat(dom.split("<svg", -1).length - 1).as("charts drawn as SVG").isGreaterThanOrEqualTo(7);
    assertThat(dom).contains("failover decision").contains("Every request is accounted for")
        .contains("after the last send: answers, then grace");
    assertThat(dom).as("per-region table").contains("<table class=\"figures\" id=\"regions\">")
        .contains("<td>north</td><td>2,000</td><td>1,900</td><td>100</td><td>5.0%</td>");
  }

  /** What the stacked codes chart must show: the outcomes of each second, every code added up. */
  private static long[] codesPerSecond(LoadResult r) {
    SecondSeries s = r.series().perSecond();
    long[] total = new long[s.seconds()];
    for (int i = 0; i < total.length; i++) {
      for (int c = 0; c < r.series().codes().size(); c++) {
        total[i] += s.completedCount(i, c);
      }
    }
    return total;
  }

  /**
   * 20 s at 100/s to North and 10/s to Central; from second 6 to 9 a quarter of North's requests
   * fail (E20) while the rest succeed, so each of those seconds has two codes whose bars must stack
   * to 110; sending ends at 17 s (the rest is the grace period); latency per second.
   */
  private static LoadResult synthetic() {
    SecondSeries s = new SecondSeries();
    List<LatencyRow> rows = new ArrayList<>();
    Histogram ack = new Histogram(LoadStats.HIGHEST_MICROS, 3);
    Histogram e2e = new Histogram(LoadStats.HIGHEST_MICROS, 3);
    long ok = 0;
    long failed = 0;
    for (int sec = 0; sec < 20; sec++) {
      for (int i = 0; i < 110; i++) {
        boolean central = i >= 100;
        boolean bad = !central && sec >= 6 && sec < 10 && i % 4 == 0;
        long offset = sec * 1_000_000_000L + i * 9_000_000L;
        s.region(offset, central ? 1 : 0, SecondSeries.SENT);
        s.region(offset, central ? 1 : 0, bad ? SecondSeries.FAILED : SecondSeries.OK);
        s.completed(sec, bad ? 7 : Codes.OK);
        ack.recordValue(500 + i);
        e2e.recordValue(50_000 + 100 * i);
        ok += bad ? 0 : 1;
        failed += bad ? 1 : 0;
      }
      double[] p99 = new double[Traffic.REGIONS];
      Arrays.fill(p99, Double.NaN);
      p99[0] = 60;
      rows.add(new LatencyRow(sec, 100, 0.5, 0.55, 0.6, 0.7, 100, 50, 55, 60, 65, new long[Traffic.REGIONS], p99));
    }
    boolean[] used = new boolean[Traffic.REGIONS];
    used[0] = true;
    used[1] = true;
    List<String> codes = new ArrayList<>(new Codes("I0").names());
    codes.add("E20");
    return new LoadResult(
        new LoadResult.Setup("http://127.0.0.1:8080", "constant 110/s", "north.onDemand 91%", 17, 8, 1, 100, 5, 1,
            10, false, "http://127.0.0.1:9000/responses", 1, Instant.EPOCH, 21),
        new LoadResult.Outcomes(2200, ok, Map.of("E20", failed), 0, 0, 0),
        new LoadResult.Accounting(0, List.of(), 0, 0, List.of(), 0, 0, 0),
        new LoadResult.Sends(2200, 0, 0.3, 0, 4, 110, 0, LoadResult.PreCommandKey.RUN_KEY),
        new LoadResult.Latency(ack, e2e, new Histogram[] {e2e, e2e, e2e, e2e}),
        new LoadResult.Series(codes, s, rows, used));
  }

  private static Path chromium() {
    String configured = System.getenv("SMSIM_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      return Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
    }
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(d.isEmpty() ? "." : d, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  private static String dumpDom(Path chromium, Path page, Path dir) throws Exception {
    Path out = dir.resolve("dom.html");
    Path err = dir.resolve("chromium.txt");
    Process p = new ProcessBuilder(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-extensions", "--no-first-run", "--no-default-browser-check",
        "--user-data-dir=" + dir.resolve("profile"), "--virtual-time-budget=10000", "--dump-dom",
        page.toAbsolutePath().toUri().toString()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish: " + Files.readString(err));
    }
    assertThat(p.exitValue()).as(Files.readString(err)).isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
