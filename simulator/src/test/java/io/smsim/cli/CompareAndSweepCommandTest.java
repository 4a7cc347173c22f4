package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareAndSweepCommandTest {

  @TempDir
  Path dir;

  @Test
  void compareTablesEveryVariantAndWritesLongFormatCsvAndJson() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli r = Cli.run("compare", scenario.toString(), "--replications", "3", "--out", dir.toString());

    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("3 replications per variant, common random numbers", "births impacted",
        "difference from base, paired by replication", "reaper           regions.north.reaper={period: 30m}");
    List<String> csv = Files.readAllLines(dir.resolve("compare.csv"));
    assertThat(csv.get(0)).isEqualTo("variant,region,metric,n,mean,sd,ci_low,ci_high,diff_mean,diff_ci_low,diff_ci_high");
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("reaper,north,birthingEvents.impacted,3,0,0,0,0,-"));
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("same,north,requests.failed,3,").endsWith(",0,0,0"));
    assertThat(Files.readString(dir.resolve("compare.json"))).contains("\"baseline\" : \"base\"",
        "\"regions.north.birthingEvents.impacted\"");
  }

  @Test
  void compareTakesASubsetOfVariantsAndABaseline() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli r = Cli.run("compare", scenario.toString(), "--variants", "reaper,base", "--baseline", "base",
        "--replications", "2", "--out", dir.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(r.out()).contains("difference from base").doesNotContain("same ");

    Cli bad = Cli.run("compare", scenario.toString(), "--variants", "nope", "--out", dir.toString());
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("no variant nope", "declared: base, same, reaper");
  }

  @Test
  void sweepWritesOneColumnPerParameterAndOneRowPerPointRegionAndMetric() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli r = Cli.run("sweep", scenario.toString(), "--param", "regions.north.reaper.period=none,30m",
        "--replications", "2", "--out", dir.toString());

    assertThat(r.status()).as(r.err()).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("sweep.csv"));
    assertThat(csv.get(0)).isEqualTo("point,regions.north.reaper.period,region,metric,n,mean,sd,ci_low,ci_high");
    assertThat(csv).anySatisfy(l -> assertThat(l).startsWith("1,30m,north,birthingEvents.impacted,2,0,0,0,0"));
    assertThat(csv).hasSize(1 + 2 * io.smsim.scenario.MetricPath.REGION_METRICS.size());
    assertThat(r.out()).contains("regions.north.reaper.period", "north births impacted");
  }

  @Test
  void sweepReportsABadValueAtItsParameter() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli r = Cli.run("sweep", scenario.toString(), "--param", "regions.north.reaper.period=1h,soon", "--out",
        dir.toString());
    assertThat(r.status()).isEqualTo(2);
    assertThat(r.err()).contains("--param regions.north.reaper.period=soon: regions.north.reaper.period: not a duration");
  }

  @Test
  void aReplayedVariantIsNamedInTheConsoleSummaryJsonAndReviewAndGetsItsOwnDefaultDirectory() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli plain = Cli.run("replay", scenario.toString(), "--out", dir.resolve("plain").toString());
    Cli variant = Cli.run("replay", scenario.toString(), "--variant", "reaper", "--out", dir.resolve("v").toString());

    assertThat(variant.status()).as(variant.err()).isZero();
    assertThat(variant.out()).startsWith("small-leak · variant reaper · seed ");
    assertThat(Files.readString(dir.resolve("v/summary.json"))).contains("\"variant\" : \"reaper\"");
    assertThat(Files.readString(dir.resolve("v/incident-review.md"))).contains("variant `reaper`");
    assertThat(plain.out()).startsWith("small-leak · seed ");
    assertThat(Files.readString(dir.resolve("plain/summary.json"))).doesNotContain("\"variant\"");

    io.smsim.scenario.ScenarioFile file = io.smsim.scenario.ScenarioFile.load(scenario, List.of());
    assertThat(new RunOptions().outDir(file, "compare")).isEqualTo(Path.of("out", "small-leak-compare"));
    assertThat(new RunOptions().outDir(file, "sweep")).isEqualTo(Path.of("out", "small-leak-sweep"));
  }

  @Test
  void replayWithReplicationsKeepsSummaryJsonForReplicationZeroAndAddsTheAggregate() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli one = Cli.run("replay", scenario.toString(), "--out", dir.resolve("one").toString(), "--quiet");
    Cli many = Cli.run("replay", scenario.toString(), "--replications", "3", "--out", dir.resolve("many").toString());

    assertThat(one.status()).as(one.err()).isZero();
    assertThat(many.status()).as(many.err()).isZero();
    assertThat(ThreadCountDeterminismTest.withoutWallFields(dir.resolve("many/summary.json")))
        .isEqualTo(ThreadCountDeterminismTest.withoutWallFields(dir.resolve("one/summary.json")));
    assertThat(Files.readAllLines(dir.resolve("many/replications.csv")).get(0))
        .isEqualTo("region,metric,n,mean,sd,ci_low,ci_high");
    assertThat(Files.readString(dir.resolve("many/replications.json"))).contains("\"values\" : [");
    assertThat(many.out()).contains("3 replications (replication r = substream r)");
  }

  @Test
  void replayRunsANamedVariant() throws IOException {
    Path scenario = Cli.smallLeak(dir);
    Cli r = Cli.run("replay", scenario.toString(), "--variant", "reaper", "--out", dir.toString());
    assertThat(r.status()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("summary.json"))).contains("\"kind\" : \"reaper\"");
  }
}
