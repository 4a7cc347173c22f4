package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.scenario.MetricPath;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommonRandomNumbersTest {

  private static final int REPLICATIONS = 4;

  @Test
  void identicalVariantsHaveExactlyZeroPairedDifferenceInEveryMetric() {
    ScenarioFile file = Fixtures.smallLeak();
    List<Variant> variants = List.of(file.variant("base").orElseThrow(), file.variant("same").orElseThrow());
    Comparison c = Comparison.run("small-leak", "test", variants, 0, 7, REPLICATIONS,
        ReplicationRunner.threads(2), null);

    PointStats same = c.points().get(1);
    for (int m = 0; m < c.metrics().size(); m++) {
      Summary d = same.diff(m);
      assertThat(same.stat(m)).as(c.metrics().get(m).text()).isEqualTo(c.points().get(0).stat(m));
      if (d.n() > 0) {
        assertThat(d.mean()).as(c.metrics().get(m).text()).isZero();
        assertThat(d.ciLow()).isZero();
        assertThat(d.ciHigh()).isZero();
      }
    }
    // The scenario does have run-to-run variation: the zero difference is not for want of noise.
    int births = c.indexOf(MetricPath.of(io.smsim.model.Region.NORTH, "birthingEvents.impacted"));
    assertThat(c.points().get(0).stat(births).sd()).isPositive();
  }

  @Test
  void pairingUnderCommonRandomNumbersNarrowsTheIntervalOfADifference() {
    // The operator restarts one minute later: both variants share each replication's arrivals and
    // leaks, so the paired CI of the difference is narrower than independent samples would give
    // (the two half-widths combined in quadrature).
    ScenarioFile file = Fixtures.smallLeak();
    ScenarioFile faster = Fixtures.smallLeak("regions.north.operator.restartAfterDetection=6m");
    List<Variant> variants = List.of(file.variant("base").orElseThrow(), faster.variant("base").orElseThrow());
    Comparison c = Comparison.run("small-leak", "test", variants, 0, 7, 6, ReplicationRunner.threads(2), null);
    int failed = c.indexOf(MetricPath.of(io.smsim.model.Region.NORTH, "requests.failed"));
    Summary a = c.points().get(0).stat(failed);
    Summary b = c.points().get(1).stat(failed);
    Summary d = c.points().get(1).diff(failed);
    double independent = Math.sqrt(a.halfWidth() * a.halfWidth() + b.halfWidth() * b.halfWidth());
    assertThat(d.mean()).isPositive();
    assertThat(d.halfWidth()).isLessThan(independent);
  }
}
