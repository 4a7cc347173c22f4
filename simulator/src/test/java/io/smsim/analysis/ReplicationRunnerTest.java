package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.scenario.MetricPath;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationRunnerTest {

  @Test
  void resultsAreIndexedByPointAndReplicationWhateverTheThreadCount() {
    ScenarioFile file = Fixtures.smallLeak();
    List<Scenario> points = List.of(file.scenario(), file.variant("reaper").orElseThrow().scenario());
    List<MetricPath> metrics = MetricPath.regionMetrics(file.scenario().regions().keySet());

    List<List<double[]>> one = ReplicationRunner.threads(1).run(points, 7, 3,
        (p, r) -> SummaryMetrics.values(r, metrics), null);
    List<List<double[]>> two = ReplicationRunner.threads(2).run(points, 7, 3,
        (p, r) -> SummaryMetrics.values(r, metrics), null);
    List<List<Integer>> replicationSeen = ReplicationRunner.threads(2).run(points, 7, 3, (p, r) -> r.replication(), null);

    assertThat(two).hasSize(2);
    for (int p = 0; p < 2; p++) {
      for (int r = 0; r < 3; r++) {
        assertThat(two.get(p).get(r)).isEqualTo(one.get(p).get(r));
      }
    }
    assertThat(replicationSeen).containsExactly(List.of(0, 1, 2), List.of(0, 1, 2));
  }

  @Test
  void biggerPointsStartFirstAndTiesKeepTheirOrder() {
    ScenarioFile file = Fixtures.smallLeak();
    List<Scenario> points = List.of(file.bind(null, List.of("workloadScale=1"), "--param"),
        file.bind(null, List.of("workloadScale=2"), "--param"), file.bind(null, List.of("workloadScale=1"), "--param"));
    assertThat(Tasks.longestFirst(points, 2)).containsExactly(2, 3, 0, 1, 4, 5);
  }
}
