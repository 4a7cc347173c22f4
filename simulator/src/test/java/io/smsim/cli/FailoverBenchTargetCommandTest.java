package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smsim failover-bench --target URL --fault-cmd CMD}: bad input is one line and exit 2 before
 * any load; several rates and repeats are summed up as median and range; a failing command is
 * reported and fails the bench (exit 1), and so does a breached objective (checked per run).
 */
class FailoverBenchTargetCommandTest {

  private static final String SCENARIO = """
      name: solo
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway: {processLimit: 1000, serviceTime: {install: 10ms, onDemand: 10ms, firmware: 10ms}}
      regions: {north: {}, central: {}, south: {}}
      """;

  @Test
  void badInputIsOneLineAndExit2BeforeAnyLoad() {
    String target = "http://127.0.0.1:9";
    Object[][] cases = {
        {new String[] {"--target", target}, "needs both --target URL and --fault-cmd CMD"},
        {new String[] {"--target", target, "--fault-cmd", "kill -9 $(cat pid)"}, "--fault-cmd: at column 9"},
        {new String[] {"--target", target, "--fault-cmd", "no-such-tool-xyz"}, "command not found on PATH"},
        {new String[] {"--target", target, "--fault-cmd", "true", "--restore-cmd", "true"},
            "--restore-cmd and --restore-at go together"},
        {new String[] {"--target", target, "--fault-cmd", "true", "--fault-at", "1s"}, "--fault-at must be at least 2s"},
        {new String[] {"--target", target, "--fault-cmd", "true", "--policies", "health-check"},
            "--policies belongs to the in-process bench"},
        {new String[] {"--target", target, "--fault-cmd", "true", "--slo", "recovery<5"}, "recovery is a latency"},
        {new String[] {"--target", target, "--fault-cmd", "true", "--server-header", "X Y"}, "--server-header"},
        {new String[] {"--target", "https://x", "--fault-cmd", "true"}, "https is not supported"},
        {new String[] {}, "give a SCENARIO"}};
    for (Object[] c : cases) {
      String[] args = (String[]) c[0];
      String[] all = new String[args.length + 1];
      all[0] = "failover-bench";
      System.arraycopy(args, 0, all, 1, args.length);
      Cli r = Cli.run(all);
      assertThat(r.status()).as(String.join(" ", args)).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(r.err().strip()).as(String.join(" ", args)).startsWith("smsim: ").contains((String) c[1])
          .doesNotContain("\n");
    }
  }

  @Test
  void ratesAndRepeatsAreSummedUpAndAFailingFaultCommandFailsTheBench(@TempDir Path dir) throws Exception {
    Scenario scenario = ScenarioLoader.fromString("solo.yaml", SCENARIO);
    LiveEmulator serve = LiveEmulator.start(scenario, LiveOptions.defaults(1).withPorts(0, 0).withServerName("solo"),
        line -> { });
    try {
      Path out = dir.resolve("bench");
      Cli r = Cli.run("failover-bench", "--target", "http://127.0.0.1:" + serve.dspPort(), "--ack-only",
          "--fault-cmd", "false", "--fault-at", "2s", "--duration", "3s", "--rates", "40,60", "--repeats", "2",
          "--server-header", LiveOptions.SERVER_HEADER, "--slo", "lost<=0,rate>1000", "--connections", "4",
          "--threads", "1", "--out", out.toString());
      System.out.println(r.out());
      assertThat(r.status()).as(r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
      assertThat(r.out()).contains("fault   at 2.").contains("false -> exit 1").contains("<- FAILED")
          .contains("every request accounted for").contains("answered by (X-Smsim-Server): solo")
          .contains("summary: median [min, max] across 2 repeats");
      JsonNode bench = new ObjectMapper().readTree(out.resolve("bench.json").toFile());
      assertThat(bench.at("/runs")).hasSize(4);
      assertThat(bench.at("/runs/0/commands/0/exitCode").asInt()).isEqualTo(1);
      assertThat(bench.at("/runs/0/commands/0/ok").asBoolean()).isFalse();
      assertThat(bench.at("/runs/0/exact").asBoolean()).isTrue();
      assertThat(bench.at("/runs/0/slo/0/met").asBoolean()).as("lost <= 0 with ack-only").isTrue();
      assertThat(bench.at("/runs/0/slo/1/met").asBoolean()).as("rate > 1000 at 40/s").isFalse();
      assertThat(bench.at("/summary")).hasSize(2);
      JsonNode lost = bench.at("/summary/1/lost");
      assertThat(lost.get("n").asInt()).isEqualTo(2);
      assertThat(lost.get("median").asDouble()).isZero();
      JsonNode gap = bench.at("/summary/0/gap");
      assertThat(gap.get("min").asDouble()).isLessThanOrEqualTo(gap.get("median").asDouble())
          .isLessThan(0.5);
      assertThat(gap.get("max").asDouble()).isGreaterThanOrEqualTo(gap.get("median").asDouble());
      assertThat(bench.at("/passed").asBoolean()).isFalse();
      assertThat(out.resolve("report.html")).exists();
      assertThat(out.resolve("40-1").resolve("fault-cmd.log")).exists();
      assertThat(out.resolve("60-2").resolve("summary.json")).exists();
    } finally {
      serve.close();
    }
  }
}
