package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * {@link Outage} on scripted series: 10 requests a second, each answered in 1 s, a crash at 4 s
 * that loses the requests still waiting for their answer (those sent in the second before it) and
 * fails the next 0.6 s of requests. The lost requests fail by intended send time before the fault,
 * but they are the fault's damage: the baseline must not count them.
 */
class OutageBaselineTest {

  private static final int SECONDS = 12;
  private static final long TENTH = 100_000_000L;

  @Test
  void requestsInFlightAtACrashDoNotRaiseThePreFaultFailureRate() {
    SecondSeries s = new SecondSeries();
    for (int t = 0; t < SECONDS * 10; t++) {
      long at = t * TENTH;
      s.region(at, 0, SecondSeries.SENT);
      boolean lostInCrash = t >= 30 && t < 40;
      boolean refused = t >= 40 && t < 46;
      if (lostInCrash || refused) {
        s.region(at, 0, SecondSeries.FAILED);
        s.failedAt(at, 0);
      } else {
        s.region(at, 0, SecondSeries.OK);
      }
    }
    Map<Integer, Histogram> e2e = new HashMap<>();
    for (int k = 0; k < SECONDS; k++) {
      Histogram h = new Histogram(LoadStats.HIGHEST_MICROS, LoadStats.DIGITS);
      h.recordValueWithCount(1_000_000, 10); // 1 s, in microseconds
      e2e.put(k, h);
    }

    Outage.Result r = Outage.of(Outage.region(s, 0), e2e, 4.0, SECONDS, new RecoveryCriteria(0.98, 2, 2));

    assertThat(r.baselineSuccess()).as("the requests of [1 s, 3 s): all answered").isEqualTo(1.0);
    assertThat(r.onset()).as("the first refused request, at the fault").isCloseTo(0.0, within(1e-9));
    assertThat(r.recovery()).as("just after the last refused request, 0.5 s after the fault")
        .isCloseTo(0.5, within(1e-9));
    assertThat(r.failed()).isEqualTo(6);
  }
}
