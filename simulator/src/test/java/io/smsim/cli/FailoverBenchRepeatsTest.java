package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The in-process {@code smsim failover-bench} takes {@code --repeats} and {@code --slo} as the bench
 * against {@code --target} does, with the same code: each run checked, a breach exits 1, the runs of
 * each policy and rate summed up as median and range; {@code gap} and {@code failback}, measured only
 * against a target, are refused before any run.
 */
class FailoverBenchRepeatsTest {

  private static final String SCENARIO = """
      name: tiny-drill
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway: {processLimit: 1000, serviceTime: {install: 10ms, onDemand: 10ms, firmware: 10ms}}
        failover: {policy: health-check, interval: 2s, failureThreshold: 2, switchover: 2s}
        workload:
          onDemand: {perDay: 1000, mix: {"4.1.1": 100}}
      regions: {north: {}, central: {}, south: {}}
      devices: {north: {count: 20}, central: {count: 20}, south: {count: 20}}
      """;

  @Test
  void repeatsAreSummedUpAndEveryRunIsCheckedAgainstTheObjectives(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("tiny.yaml");
    Files.writeString(scenario, SCENARIO);
    Path out = dir.resolve("bench");
    Cli r = Cli.run("failover-bench", scenario.toString(), "--policies", "health-check", "--rates", "20",
        "--repeats", "2", "--fault", "hardware-failure:north:primary", "--warmup", "2s", "--restart-after", "never",
        "--duration", "3s", "--time-scale", "10", "--connections", "4", "--slo", "lost<=0,rate>100000",
        "--out", out.toString());
    assertThat(r.status()).as(r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
    assertThat(r.out()).contains("SLO health-check 20/s run 1: rate > 100000 breached")
        .contains("summary: median [min, max] across 2 repeats per policy rate/s");
    JsonNode bench = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
    assertThat(bench.at("/repeats").asInt()).isEqualTo(2);
    assertThat(bench.at("/runs")).hasSize(2);
    assertThat(bench.at("/runs/1/repeat").asInt()).isEqualTo(2);
    assertThat(bench.at("/runs/0/slo/1/met").asBoolean()).isFalse();
    assertThat(bench.at("/runs/0/passed").asBoolean()).isFalse();
    assertThat(bench.at("/summary")).hasSize(1);
    assertThat(bench.at("/summary/0/policy").asText()).isEqualTo("health-check");
    assertThat(bench.at("/summary/0/runs").asInt()).isEqualTo(2);
    assertThat(bench.at("/summary/0/lost/unit").asText()).isEqualTo("requests");
    assertThat(bench.at("/passed").asBoolean()).isFalse();
    assertThat(out.resolve("health-check-20-2").resolve("results.hlog")).exists();
  }

  @Test
  void anObjectiveOnlyATargetCanMeasureIsRefusedBeforeAnyRun(@TempDir Path dir) throws Exception {
    Path scenario = dir.resolve("tiny.yaml");
    Files.writeString(scenario, SCENARIO);
    Cli r = Cli.run("failover-bench", scenario.toString(), "--slo", "gap<1s", "--out", dir.resolve("o").toString());
    assertThat(r.status()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.err().strip()).startsWith("smsim: ").contains("gap is measured only against --target")
        .doesNotContain("\n");
  }
}
