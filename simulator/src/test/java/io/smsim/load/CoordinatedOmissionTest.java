package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.model.Region;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The generator is free of coordinated omission (Gil Tene): a target that stalls every answer for
 * one second in the middle of a fixed-rate run shows that second in the latency percentiles,
 * because latency counts from each request's intended send time, and requests keep being issued
 * on schedule while the connections are stuck.
 *
 * <p>200 requests/s for 4 s over 4 connections; the stall holds answers due in [1.5 s, 2.5 s).
 * About 200 requests (a quarter) are intended during the stall and wait, on average, half of it:
 * their latencies spread over (0, 1 s], so p99 is near 1 s and p90 near 0.6 s. A closed-loop
 * generator measuring from the actual send would have seen 4 slow requests of 800 (0.5%) and a p99
 * of a millisecond.
 *
 * <p>The lower bounds are the rule: a generator that measured from the actual send, or that stopped
 * issuing while the connections were stuck, fails them however loaded the machine is. The upper
 * bounds add to the stall the delay this machine actually showed: how late the stub's stalled
 * answers went out, and the median latency of the requests the stall did not touch.
 */
class CoordinatedOmissionTest {

  @Test
  void aOneSecondStallShowsInTheAcknowledgementPercentilesAndEveryRequestIsSent() throws Exception {
    try (StubTarget stub = new StubTarget()) {
      LoadOptions options = LoadOptions.defaults(stub.url(), new Pacing.Constant(200))
          .withDuration(TimeUnit.SECONDS.toNanos(4)).withConnections(4, 1).withAckOnly(true)
          .withTimeouts(TimeUnit.SECONDS.toNanos(60), 0); // ends when all are answered
      Traffic traffic = Traffic.standard(EnumSet.allOf(Region.class), Traffic.parseMix("4.1.1"));
      LoadResult r = LoadRun.run(options, traffic, null, null, null,
          c -> stub.stall(c.startNanos() + 1_500_000_000L, c.startNanos() + 2_500_000_000L));

      assertThat(r.outcomes().total()).as("requests issued = rate x duration").isEqualTo(800);
      assertThat(r.outcomes().ok()).isEqualTo(800);
      assertThat(r.outcomes().balanced()).isTrue();
      assertThat(stub.requests.get()).isEqualTo(800);
      double p99 = r.latency().ack().getValueAtPercentile(99) / 1000.0;
      double p90 = r.latency().ack().getValueAtPercentile(90) / 1000.0;
      double p50 = r.latency().ack().getValueAtPercentile(50) / 1000.0;
      double machineMs = stub.stallOverrunNanos.get() / 1e6 + p50;
      // every request's latency includes its send's lateness: the late sends are all among the slow acks
      assertThat(r.latency().ack().getCountBetweenValues(options.lateThresholdNanos() / 1000, Long.MAX_VALUE))
          .as("acks slower than the late threshold")
          .isGreaterThanOrEqualTo(r.sends().late());
      assertThat(r.latency().ack().getMaxValue() / 1000.0).as("slowest ack ms")
          .isGreaterThanOrEqualTo(r.sends().maxLatenessMs());
      assertThat(p99).as("ack p99 ms (machine delay %.0f ms)", machineMs).isBetween(850.0, 1100.0 + machineMs);
      assertThat(p90).as("ack p90 ms (machine delay %.0f ms)", machineMs).isBetween(350.0, 900.0 + machineMs);
      assertThat(r.sends().late()).as("late sends").isGreaterThan(150);
      assertThat(r.sends().maxLatenessMs()).as("max lateness ms (machine delay %.0f ms)", machineMs)
          .isBetween(900.0, 1100.0 + machineMs);
    }
  }
}
