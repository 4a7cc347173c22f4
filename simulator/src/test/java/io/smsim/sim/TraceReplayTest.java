package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.metrics.IntervalRow;
import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recorded traffic replays as recorded: an exact trace of interval counts gives the same count in
 * every reporting interval, per category; request rows arrive in the minute they were stamped;
 * Poisson mode gives Poisson counts at the trace's rates (a chi-square test of the per-interval
 * counts against count × scale).
 */
class TraceReplayTest {

  @TempDir
  Path dir;

  private Scenario scenario(String trace, String workload) throws IOException {
    Files.writeString(dir.resolve("traffic.csv"), trace);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: trace-test
        timeZone: UTC
        start: 2020-01-06T00:00
        end: 2020-01-06T12:00
        reporting: {interval: 15m, slo: 0.95, minAttempts: 5}
        regions:
          north:
            gateway: {deviceLatency: 0s, serviceTime: {onDemand: 100ms, firmware: 100ms, install: 100ms}}
            broker: {rtt: 0s}
            workload:
        %s
        """.formatted(workload.indent(6)));
    return ScenarioFile.load(file, List.of()).scenario();
  }

  private static RegionResult north(RunResult r) {
    return r.regions().get(0);
  }

  private static List<IntervalRow> primaryRows(RunResult r) {
    return r.timeline().stream().filter(row -> row.server().equals("primary")).toList();
  }

  @Test
  void anExactTraceOfIntervalCountsIsReproducedIntervalByIntervalAndPerCategory() throws IOException {
    StringBuilder csv = new StringBuilder("start,category,srv,count\n");
    long[] expected = new long[48];
    long onDemand = 0;
    long firmware = 0;
    for (int i = 0; i < 48; i++) {
      String start = java.time.Instant.parse("2020-01-06T00:00:00Z").plusSeconds(900L * i).toString();
      long a = 40 + (i * 37) % 90;
      long b = i % 5 == 0 ? 0 : 3 + i % 7;
      long c = (i * 13) % 11;
      csv.append(start).append(",onDemand,4.1.1,").append(a).append('\n');
      csv.append(start).append(",onDemand,,").append(c).append('\n');
      csv.append(start).append(",firmware,11.3,").append(b).append('\n');
      expected[i] = a + b + c;
      onDemand += a + c;
      firmware += b;
    }
    Scenario s = scenario(csv.toString(), """
        onDemand: {trace: traffic.csv, mix: {"2.2": 1}}
        firmware: {trace: traffic.csv}
        """);
    RunResult r = Replay.run(s, 11, 0, null);
    List<IntervalRow> rows = primaryRows(r);
    assertThat(rows).hasSize(48);
    for (int i = 0; i < 48; i++) {
      assertThat(rows.get(i).attempts()).as("interval " + i).isEqualTo(expected[i]);
    }
    assertThat(north(r).byCategory().get("on_demand").total()).isEqualTo(onDemand);
    assertThat(north(r).byCategory().get("firmware").total()).isEqualTo(firmware);
    // the same trace and seed give the same run; another seed moves arrivals inside intervals, never the counts
    RunResult other = Replay.run(s, 12, 0, null);
    assertThat(primaryRows(other).stream().map(IntervalRow::attempts).toList())
        .isEqualTo(rows.stream().map(IntervalRow::attempts).toList());
    assertThat(minuteAttempts(other)).isNotEqualTo(minuteAttempts(r));
  }

  private static List<Integer> minuteAttempts(RunResult r) {
    var m = north(r).minutes();
    return java.util.stream.IntStream.range(0, m.size()).map(m::attempts).boxed().toList();
  }

  @Test
  void requestRowsArriveInTheMinuteTheyWereStampedAndRowsOutsideTheRunAreSkipped() throws IOException {
    String csv = """
        # three requests before the run, then a burst at 00:10, one at 01:00:59.8 (its attempt ends 100 ms later), one after the end
        timestamp,srv
        2020-01-05T23:59:00Z,4.1.1
        2020-01-05T23:59:30Z,4.1.1
        2020-01-05T23:59:59.999Z,4.1.1
        2020-01-06T00:10:00Z,4.1.1
        2020-01-06T00:10:00Z,2.2
        2020-01-06T00:10:00.5Z,11.2
        2020-01-06T01:00:59.800Z,4.1.1
        2020-01-06T12:30:00Z,4.1.1
        """;
    Scenario s = scenario(csv, "onDemand: {trace: traffic.csv}");
    RunResult r = Replay.run(s, 1, 0, null);
    var minutes = north(r).minutes();
    assertThat(minutes.attempts(10)).isEqualTo(3);
    assertThat(minutes.attempts(60)).isEqualTo(1);
    long total = 0;
    for (int m = 0; m < minutes.size(); m++) {
      total += minutes.attempts(m);
    }
    assertThat(total).isEqualTo(4);
    assertThat(north(r).requests().total()).isEqualTo(4);
  }

  @Test
  void aScaledExactTraceRoundsEachRowAtRandomKeepingTheMean() throws IOException {
    StringBuilder csv = new StringBuilder("timestamp\n");
    for (int i = 0; i < 4000; i++) {
      csv.append(java.time.Instant.parse("2020-01-06T00:00:00Z").plusMillis(10_000L * i)).append('\n');
    }
    Scenario s = scenario(csv.toString(), "onDemand: {trace: {file: traffic.csv, scale: 1.25}, mix: {\"4.1.1\": 1}}");
    long total = north(Replay.run(s, 5, 0, null)).requests().total();
    // each row sends 1, or 2 with probability 0.25: binomial(4000, 0.25) extra, sd 27
    assertThat(total).isBetween(4000 + 1000 - 110L, 4000 + 1000 + 110L);
  }

  @Test
  void poissonModeDrawsPoissonCountsAtTheTracesRates() throws IOException {
    StringBuilder csv = new StringBuilder("start,end,count\n");
    int n = 48;
    double[] expected = new double[n];
    for (int i = 0; i < n; i++) {
      var start = java.time.Instant.parse("2020-01-06T00:00:00Z").plusSeconds(900L * i);
      long count = 20 + (i * 53) % 200;
      csv.append(start).append(',').append(start.plusSeconds(900)).append(',').append(count).append('\n');
      expected[i] = count * 1.5;
    }
    Scenario s = scenario(csv.toString(), "onDemand: {trace: {file: traffic.csv, mode: poisson, scale: 1.5}, "
        + "mix: {\"4.1.1\": 1}}");
    List<IntervalRow> rows = primaryRows(Replay.run(s, 3, 0, null));
    long[] observed = rows.stream().mapToLong(IntervalRow::attempts).toArray();
    boolean anyDiffers = false;
    for (int i = 0; i < n; i++) {
      anyDiffers |= observed[i] != Math.round(expected[i]);
    }
    assertThat(anyDiffers).as("Poisson counts vary around the rate").isTrue();
    // Poisson: sum of (O - E)^2 / E over independent intervals is chi-square with n degrees of freedom
    double stat = 0;
    for (int i = 0; i < n; i++) {
      stat += (observed[i] - expected[i]) * (observed[i] - expected[i]) / expected[i];
    }
    double p = 1 - new org.apache.commons.math3.distribution.ChiSquaredDistribution(null, n).cumulativeProbability(stat);
    assertThat(p).isBetween(0.01, 0.99);
  }

  @Test
  void eachInstallRowStartsOneBirthingEvent() throws IOException {
    String csv = "start,count\n2020-01-06T08:00:00Z,7\n2020-01-06T09:00:00Z,5\n";
    Scenario s = scenario(csv, """
        install: {trace: {file: traffic.csv, interval: 1h}, journey: ["8.14.1", "8.11"], thinkTime: 1m}
        """);
    RegionResult north = north(Replay.run(s, 2, 0, null));
    assertThat(north.births().total()).isEqualTo(12);
    assertThat(north.births().completed()).isEqualTo(12);
    assertThat(north.requests().total()).isEqualTo(24);
  }
}
