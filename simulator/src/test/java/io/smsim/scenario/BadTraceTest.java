package io.smsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad trace is reported like a bad scenario, before anything runs: file:line:column of the CSV,
 * the setting that names it, the rule and the value.
 */
class BadTraceTest {

  @TempDir
  Path dir;

  private List<String> problems(String csv, String category) throws IOException {
    Files.writeString(dir.resolve("t.csv"), csv);
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: bad-trace
        timeZone: UTC
        start: 2020-01-06T00:00
        end: 2020-01-07T00:00
        regions:
          north:
            workload:
        %s""".formatted(category.indent(6)));
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioFile.load(file, List.of()));
    assertThat(e).as("expected the scenario to be rejected").isNotNull();
    String csvName = dir.resolve("t.csv").toString();
    return e.problems().stream().map(p -> p.toString().replace(csvName, "t.csv").replace(file.toString(), "s.yaml"))
        .toList();
  }

  private List<String> problems(String csv) throws IOException {
    return problems(csv, "onDemand: {trace: t.csv, mix: {\"4.1.1\": 1}}");
  }

  private static final String TRACE = "regions.north.workload.onDemand.trace";

  @Test
  void anUnknownColumnListsTheFormats() throws IOException {
    assertThat(problems("timestamp,cnt\n")).containsExactly("t.csv:1:1: " + TRACE + ": unknown column \"cnt\"; the "
        + "header names the columns: timestamp[,srv] for one row per request, or start[,end][,srv],count for interval "
        + "counts, optionally with region and category");
  }

  @Test
  void rowsOutOfTimeOrderAreRefusedAtTheirLineAndColumn() throws IOException {
    assertThat(problems("srv,timestamp\n4.1.1,2020-01-06T10:00:00Z\n\n# a comment\n4.1.1,2020-01-06T09:00:00Z\n"))
        .containsExactly("t.csv:5:7: " + TRACE + ": rows must be in time order (sort the file by time): "
            + "2020-01-06T09:00:00Z is earlier than the row at line 2");
  }

  @Test
  void badValuesNameTheRuleAndTheValue() throws IOException {
    assertThat(problems("timestamp\n2020-01-06 10:00\n")).containsExactly("t.csv:2:1: " + TRACE + ": not an ISO-8601 "
        + "time (e.g. 2019-04-02T10:48:00Z, or 2019-04-02T10:48 in the scenario's zone): 2020-01-06 10:00");
    assertThat(problems("start,count\n2020-01-06T10:00,-3\n")).containsExactly("t.csv:2:18: " + TRACE
        + ": count must be a whole number from 0 to 1000000000: -3");
    assertThat(problems("timestamp,srv\n2020-01-06T10:00,4.1.9\n")).containsExactly("t.csv:2:18: " + TRACE
        + ": unknown SRV (not in the DUIS catalogue): 4.1.9");
    assertThat(problems("timestamp,region\n2020-01-06T10:00,nrth\n")).containsExactly("t.csv:2:18: " + TRACE
        + ": unknown region (north, central, south): nrth");
    assertThat(problems("timestamp,srv\n2020-01-06T10:00\n")).containsExactly("t.csv:2:1: " + TRACE
        + ": expected 2 values as in the header, got 1");
  }

  @Test
  void overlappingIntervalsAreRefusedButOneRowPerSrvOfTheSameIntervalIsFine() throws IOException {
    assertThat(problems("start,end,srv,count\n2020-01-06T10:00,2020-01-06T10:15,4.1.1,5\n"
        + "2020-01-06T10:00,2020-01-06T10:15,2.2,5\n2020-01-06T10:10,2020-01-06T10:25,2.2,5\n"))
        .containsExactly("t.csv:4:1: " + TRACE + ": this interval overlaps the one before it for the same region and "
            + "category (intervals may repeat exactly, one row per SRV, but not overlap)");
  }

  @Test
  void aMissingFileIsNamed() throws IOException {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "name: x\nstart: 2020-01-06T00:00\nend: 2020-01-07T00:00\nregions:\n  north:\n"
        + "    workload:\n      onDemand: {trace: nowhere.csv, mix: {\"4.1.1\": 1}}\n");
    ScenarioException e = catchThrowableOfType(ScenarioException.class, () -> ScenarioFile.load(file, List.of()));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).toString()).isEqualTo(dir.resolve("nowhere.csv") + ": " + TRACE
        + ": cannot read the trace file: no such file");
  }

  @Test
  void theScenarioMustUseTheTraceConsistently() throws IOException {
    String ok = "timestamp,region,category,srv\n2020-01-06T10:00,north,onDemand,\n2020-01-06T10:00,south,install,\n";
    assertThat(problems(ok, "onDemand: {trace: t.csv, perDay: 100, profile: flat}")).containsExactly(
        "s.yaml:8:40: regions.north.workload.onDemand.perDay: a trace gives the volume; perDay does not apply "
            + "(trace.scale changes the volume)",
        "s.yaml:8:54: regions.north.workload.onDemand.profile: a trace gives the times; profile does not apply "
            + "(trace.scale changes the volume)",
        "s.yaml:8:25: " + TRACE + ": rows without an SRV (the first at t.csv:2) need a mix to draw one from");
    assertThat(problems(ok, "firmware: {trace: t.csv, mix: {\"11.3\": 1}}")).containsExactly("s.yaml:8:25: "
        + "regions.north.workload.firmware.trace: the trace t.csv has no rows for region north, category firmware "
        + "(see its region and category columns)");
    assertThat(problems("timestamp,srv\n2020-01-06T10:00,8.11\n",
        "install: {trace: t.csv, journey: [\"8.14.1\", \"8.11\"], thinkTime: 1m}")).containsExactly(
        "t.csv:2:1: regions.north.workload.install.trace: a row of install starts a journey; its srv must be the "
            + "journey's first step 8.14.1, or empty: 8.11");
    assertThat(problems("timestamp\n2021-01-06T10:00\n")).containsExactly("s.yaml:8:25: " + TRACE + ": the trace "
        + "t.csv covers 2021-01-06T10:00:00Z .. 2021-01-06T10:00:00Z, outside the scenario's start .. end "
        + "(2020-01-06T00:00:00Z .. 2020-01-07T00:00:00Z)");
  }

  @Test
  void theScenarioListsTheTracesItReads() throws IOException {
    Files.writeString(dir.resolve("t.csv"), "timestamp,srv\n2020-01-06T10:00,4.1.1\n");
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, """
        name: lists
        timeZone: UTC
        start: 2020-01-06T00:00
        end: 2020-01-07T00:00
        defaults:
          workload:
            onDemand: {trace: t.csv}
        regions:
          north: {}
        variants:
          base: {}
          other:
            set: {regions.north.workload.firmware: {trace: {file: t.csv, mode: poisson}}}
        """);
    ScenarioFile f = ScenarioFile.load(file, List.of());
    assertThat(f.scenario().inputFiles()).containsExactly(new InputFile("regions.north.workload.onDemand.trace.file",
        "t.csv", dir.resolve("t.csv").toAbsolutePath()));
    assertThat(f.inputFiles()).hasSize(1);
    assertThat(f.variant("other").orElseThrow().scenario().inputFiles()).hasSize(2);
  }
}
