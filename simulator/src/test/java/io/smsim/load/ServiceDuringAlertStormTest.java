package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Service requests keep their documented behaviour during an alert storm: the same load against
 * smsim serve with a storm raging in every region (alerts to the same response URL the final
 * responses go to) still has every request accounted for exactly once, all answered I0, nothing
 * lost, duplicated or unknown; the storm's alerts arrive at the receiver and are counted apart.
 */
class ServiceDuringAlertStormTest {

  private static final String STORM = """
      faults:
        - {kind: alert-storm, region: north, at: 2019-04-02T10:00, rate: 5, devices: 100, alert: power-outage}
        - {kind: alert-storm, region: central, at: 2019-04-02T10:00, rate: 5, devices: 100, alert: supply-restored}
        - {kind: alert-storm, region: south, at: 2019-04-02T10:00, rate: 5, devices: 100, alert: tamper}
      """;

  @Test
  void everyRequestEndsOnceAndAsWithoutTheStorm() throws Exception {
    LoadResult quiet = run(AgainstServeTest.SCENARIO);
    LoadResult storm = run(AgainstServeTest.SCENARIO + STORM);
    for (LoadResult r : new LoadResult[] {quiet, storm}) {
      LoadResult.Outcomes o = r.outcomes();
      assertThat(o.total()).isPositive();
      assertThat(o.balanced()).isTrue();
      assertThat(o.ok()).isEqualTo(o.total());
      assertThat(o.errors()).isEmpty();
      assertThat(o.timeouts()).isZero();
      assertThat(r.accounting().lost()).isZero();
      assertThat(r.accounting().duplicated()).isZero();
      assertThat(r.accounting().unknown()).as("alerts are not unknown answers").isZero();
      assertThat(r.accounting().unparsable()).isZero();
    }
    assertThat(quiet.accounting().alerts()).isZero();
    assertThat(storm.accounting().alerts()).as("3 storms x 5/s x time scale 10, for the run").isPositive();
  }

  private static LoadResult run(String yaml) throws Exception {
    Scenario scenario = ScenarioLoader.fromString("storm.yaml", yaml);
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      LiveEmulator serve = LiveEmulator.start(scenario, LiveOptions.defaults(1).withPorts(0, 0)
          .withResponseUrl(receiver.url()).withTimeScale(10), line -> { });
      try {
        LoadOptions options = LoadOptions.defaults(URI.create("http://127.0.0.1:" + serve.dspPort()),
            new Pacing.Constant(50)).withDuration(TimeUnit.SECONDS.toNanos(3)).withConnections(8, 1)
            .withTimeouts(TimeUnit.SECONDS.toNanos(30), TimeUnit.SECONDS.toNanos(1));
        return LoadRun.run(options, Traffic.fromScenario(scenario, Set.of(), null), receiver, null, null, c -> { });
      } finally {
        serve.close();
      }
    }
  }
}
