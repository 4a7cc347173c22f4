package io.smsim.sim;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;

/** Small scenarios for model tests, written in the scenario format itself. */
final class Scenarios {

  private Scenarios() {
  }

  /**
   * One region (north), UTC, flat on-demand load of SRV 11.2 at {@code ratePerSecond}, constant
   * zero device latency and broker RTT; {@code gateway}, {@code extraRegion} and {@code tail}
   * are YAML fragments spliced in (indented for their place).
   */
  static Scenario north(String duration, double ratePerSecond, String gateway, String extraRegion, String tail) {
    String yaml = """
        name: test
        timeZone: UTC
        start: 2020-01-06T00:00:00Z
        end: %s
        reporting: {slo: 0.95, minAttempts: 5, mergeGap: 2m}
        regions:
          north:
            gateway:
              deviceLatency: 0s
        %s
            broker: {rtt: 0s}
        %s
            workload:
              onDemand: {perDay: %s, mix: {"11.2": 1}}
        %s
        """.formatted(duration, indent(gateway, 6), indent(extraRegion, 4), ratePerSecond * 86400, tail);
    return ScenarioLoader.fromString("test.yaml", yaml);
  }

  private static String indent(String block, int spaces) {
    if (block.isBlank()) {
      return "";
    }
    String pad = " ".repeat(spaces);
    StringBuilder sb = new StringBuilder();
    for (String line : block.strip().split("\n")) {
      sb.append(pad).append(line).append('\n');
    }
    return sb.toString();
  }

  static RunResult run(Scenario s, long seed) {
    return Replay.run(s, seed, 0, null);
  }

  static RegionResult north(RunResult r) {
    return r.regions().stream().filter(x -> x.region().key().equals("north")).findFirst().orElseThrow();
  }
}
