package io.smsim.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.metrics.RegionResult;
import io.smsim.metrics.RunResult;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The alert-storm fault in virtual time: a Poisson stream of alerts at the storm's rate through the
 * region's gateway while it lasts, none before or after, the same on every run of a seed, and a
 * storm above the model's bound refused as bad input.
 */
class AlertStormReplayTest {

  private static final String YAML = """
      name: alert-storm
      start: 2020-01-06T00:00
      end: 2020-01-06T02:00
      timeZone: UTC
      regions:
        north:
          gateway: {processLimit: 5000, serviceTime: {onDemand: 200ms, alerts: 20ms}}
          workload:
            onDemand: {perDay: 86400, mix: {"4.1.1": 1}}
      STORM
      """;

  private static RegionResult north(String faults, long seed) {
    Scenario s = ScenarioLoader.fromString("t.yaml", YAML.replace("STORM", faults));
    RunResult r = Replay.run(s, seed, 0, null);
    return r.regions().get(0);
  }

  @Test
  void aStormRaisesAlertsAtItsRateWhileItLastsAndOnlyThen() {
    RegionResult quiet = north("", 7);
    RegionResult storm = north("faults: [{kind: alert-storm, region: north, at: 2020-01-06T00:30, "
        + "until: 2020-01-06T01:00, rate: 20, devices: 500, alert: supply-interrupted}]", 7);
    assertThat(quiet.alerts() == null ? 0 : quiet.alerts().total()).as("no alert workload, no storm").isZero();
    // 30 minutes at 20/s: Poisson, mean 36,000, standard deviation 190; 5 sigma either side.
    double mean = 20 * 1800;
    assertThat((double) storm.alerts().total()).isBetween(mean - 5 * Math.sqrt(mean), mean + 5 * Math.sqrt(mean));
    assertThat(storm.alerts().succeeded()).as("a healthy gateway forwards them all").isEqualTo(storm.alerts().total());
    assertThat(storm.requests().total()).as("requests still arrive as before").isEqualTo(quiet.requests().total());
    assertThat(storm.events()).anySatisfy(e -> assertThat(e.detail()).isEqualTo("alert-storm"));
  }

  @Test
  void theSameSeedRaisesTheSameStorm() {
    String f = "faults: [{kind: alert-storm, region: north, at: 2020-01-06T00:10, for: 10m, rate: 5}]";
    assertThat(north(f, 3)).usingRecursiveComparison().isEqualTo(north(f, 3));
  }

  @Test
  void aStormAboveTheBoundIsBadInputNamingTheField() {
    assertThatThrownBy(() -> north("faults: [{kind: alert-storm, region: north, at: 2020-01-06T00:10, "
        + "rate: 20000}]", 1)).hasMessageContaining("rate").hasMessageContaining("20000");
    assertThatThrownBy(() -> north("faults: [{kind: alert-storm, region: north, at: 2020-01-06T00:10, "
        + "alert: meltdown}]", 1)).hasMessageContaining("alert").hasMessageContaining("meltdown");
  }
}
