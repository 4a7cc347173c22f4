package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small scenarios of shapes the seed lacks, replayed through the command line in well under a second. */
final class SmallScenarios {

  /** A month of light traffic and no fault: no incident, and long enough that every series is bucketed. */
  static final String QUIET_MONTH = """
      name: quiet-month
      start: 2019-04-01T00:00
      end: 2019-05-01T00:00
      regions:
        central:
          workload:
            onDemand: {perDay: 1500, mix: {"4.1.1": 1}}
      """;

  /** A fast leak under an application health check: repeated failovers between two leaking servers. */
  static final String FAILOVERS = """
      name: leak-with-health-check
      start: 2019-04-02T08:00
      end: 2019-04-02T10:00
      reporting: {minAttempts: 20}
      defaults:
        gateway: {processLimit: 400}
        failover: {policy: health-check, probe: synthetic, interval: 10s, failureThreshold: 3, switchover: 1m}
        operator: {repairTime: 20m}
      regions:
        north:
          workload:
            onDemand: {perDay: 200000, mix: {"4.1.1": 1}}
        south:
          workload:
            onDemand: {perDay: 50000, mix: {"4.1.1": 1}}
      faults:
        - {kind: leak, region: north, server: both, at: 2019-04-02T08:00, probability: 0.2}
      """;

  private SmallScenarios() {
  }

  /** Writes {@code yaml} beside {@code out}, runs {@code smsim replay} into {@code out}, returns the console output. */
  static String replay(String yaml, Path out, String... extra) throws IOException {
    Files.createDirectories(out.getParent());
    Path scenario = out.getParent().resolve("scenario.yaml");
    Files.writeString(scenario, yaml);
    StringWriter stdout = new StringWriter();
    StringWriter stderr = new StringWriter();
    String[] args = new String[4 + extra.length];
    args[0] = "replay";
    args[1] = scenario.toString();
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(extra, 0, args, 4, extra.length);
    int status = Main.run(args, new PrintWriter(stdout, true), new PrintWriter(stderr, true));
    assertThat(status).as("exit status; stderr: %s", stderr).isZero();
    return stdout.toString();
  }
}
