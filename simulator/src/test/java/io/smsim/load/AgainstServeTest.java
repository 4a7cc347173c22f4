package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.model.Region;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Against {@code smsim serve} with no faults (in-process, loopback, time scale 10), with final
 * responses wired to the generator's callback receiver: every request is acknowledged and answered
 * once, nothing is lost or duplicated, and the load spreads over the regions as the scenario's
 * workload says (equal volumes here).
 */
class AgainstServeTest {

  static final String SCENARIO = """
      name: load-target
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          processLimit: 5000
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: 400ms
        broker: {rtt: 20ms}
        workload:
          onDemand: {perDay: 1000, mix: {"4.1.1": 50, "2.2": 30, "11.2": 20}}
      regions: {north: {}, central: {}, south: {}}
      devices: {north: {count: 100}, central: {count: 100}, south: {count: 100}}
      """;

  @Test
  void noFaultsMeansNothingLostNothingDuplicatedAndEveryRequestAccountedFor() throws Exception {
    Scenario scenario = ScenarioLoader.fromString("load-target.yaml", SCENARIO);
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      LiveEmulator serve = LiveEmulator.start(scenario, LiveOptions.defaults(1).withPorts(0, 0)
          .withResponseUrl(receiver.url()).withTimeScale(10), line -> { });
      try {
        LoadOptions options = LoadOptions.defaults(URI.create("http://127.0.0.1:" + serve.dspPort()),
            new Pacing.Poisson(300)).withDuration(TimeUnit.SECONDS.toNanos(3)).withConnections(16, 2)
            // the run ends once every request has its outcome: a long deadline costs nothing here, and
            // on a loaded machine a slow answer is still an answer, not a loss
            .withTimeouts(TimeUnit.SECONDS.toNanos(60), TimeUnit.MILLISECONDS.toNanos(500));
        LoadResult r = LoadRun.run(options, Traffic.fromScenario(scenario, Set.of(), null), receiver, null, null,
            c -> { });

        LoadResult.Outcomes o = r.outcomes();
        assertThat(o.total()).as("Poisson(300/s) over 3 s").isBetween(750L, 1050L);
        assertThat(o.balanced()).isTrue();
        assertThat(o.ok()).isEqualTo(o.total());
        assertThat(o.errors()).isEmpty();
        assertThat(o.timeouts()).isZero();
        assertThat(r.accounting().lost()).isZero();
        assertThat(r.accounting().duplicated()).isZero();
        assertThat(r.accounting().lateAnswers()).isZero();
        assertThat(r.accounting().unknown()).isZero();
        assertThat(r.latency().e2e().getTotalCount()).isEqualTo(o.total());
        // e2e is at least the broker and the child's lifetime: (20 + 100 + 400) ms virtual / 10
        assertThat(r.latency().e2e().getValueAtPercentile(50) / 1000.0).isGreaterThan(50.0);
        for (Region region : Region.values()) {
          long[] t = r.series().regionTotals(region.ordinal());
          assertThat(t[SecondSeries.SENT]).as(region.key()).isBetween(o.total() / 4, o.total() / 2);
          assertThat(t[SecondSeries.OK]).isEqualTo(t[SecondSeries.SENT]);
        }
      } finally {
        serve.close();
      }
    }
  }
}
