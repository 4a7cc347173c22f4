package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.engine.RandomStream;
import io.smsim.engine.RandomStreams;
import io.smsim.model.Region;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

/** Intended send times: exact for a constant rate, Poisson by test, and the scenario's profile by the hour. */
class ArrivalScheduleTest {

  @Test
  void constantRateOverWorkersSendsExactlyRateTimesDurationEvenlySpaced() {
    double rate = 300;
    int workers = 3;
    long durationNanos = 7_000_000_000L;
    List<Long> all = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      ArrivalSchedule s = ArrivalSchedule.constant(rate, w, workers);
      for (long t = s.next(); t < durationNanos; t = s.next()) {
        all.add(t);
      }
    }
    all.sort(null);
    assertThat(all).hasSize(2100);
    for (int i = 0; i < all.size(); i++) {
      assertThat(all.get(i)).isBetween((long) (i * 1e9 / rate) - 1, (long) (i * 1e9 / rate) + 1);
    }
  }

  @Test
  void poissonGapsAreExponentialWithTheRatesMean() {
    ArrivalSchedule s = ArrivalSchedule.poisson(500, new RandomStream(20190402));
    double[] gaps = new double[20_000];
    long last = 0;
    for (int i = 0; i < gaps.length; i++) {
      long t = s.next();
      gaps[i] = (t - last) / 1e9;
      last = t;
    }
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1 / 500.0), gaps);
    assertThat(p).as("KS p-value against Exp(mean 2 ms)").isGreaterThan(0.01);
  }

  @Test
  void aProfileSendsEachHoursShareCompressedByTheTimeScale() {
    Scenario scenario = ScenarioLoader.fromString("profile.yaml", """
        name: profile
        start: 2019-04-02T00:00
        end: 2019-04-03T00:00
        timeZone: UTC
        profiles:
          morning: {hourOfDay: [0, 0, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]}
        defaults:
          workload:
            onDemand: {perDay: 43200, profile: morning, mix: {"4.1.1": 1}}
        regions: {north: {}, south: {workload: {onDemand: {perDay: 21600}}}}
        """);
    Traffic traffic = Traffic.fromScenario(scenario, Set.of(), null);
    // from 05:00, 3600x: one real second per virtual hour; 06, 07, 08 carry 1/6, 2/6, 3/6 of the day
    long start = 5 * 3_600_000_000_000L;
    RandomStreams streams = new RandomStreams(7, 0);
    long[][] byHourAndRegion = new long[5][2];
    for (int w = 0; w < 2; w++) {
      ArrivalSchedule s = ArrivalSchedule.profile(traffic, scenario.timebase(), start, 3600, streams, w, 2);
      for (long t = s.next(); t < 5_000_000_000L; t = s.next()) {
        Region r = Region.of(traffic.components().get(s.component()).region());
        byHourAndRegion[(int) (t / 1_000_000_000L)][r == Region.NORTH ? 0 : 1]++;
      }
    }
    assertThat(byHourAndRegion[0]).containsExactly(0, 0);
    assertThat(byHourAndRegion[4]).containsExactly(0, 0);
    double[] expected = new double[6];
    long[] observed = new long[6];
    for (int h = 1; h <= 3; h++) {
      expected[2 * (h - 1)] = 43200.0 * h / 6;
      expected[2 * (h - 1) + 1] = 21600.0 * h / 6;
      observed[2 * (h - 1)] = byHourAndRegion[h][0];
      observed[2 * (h - 1) + 1] = byHourAndRegion[h][1];
    }
    assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).as("chi-square p-value").isGreaterThan(0.01);
  }
}
