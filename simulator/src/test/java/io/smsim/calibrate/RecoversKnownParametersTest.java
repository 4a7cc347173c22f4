package io.smsim.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.analysis.SummaryMetrics;
import io.smsim.metrics.RunResult;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import io.smsim.scenario.ScenarioFile;
import io.smsim.sim.Replay;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Calibration recovers known parameters. The facts of an "incident" are one run of the small leak
 * scenario at a known leak probability (0.05) and install volume (3,000 a day) under another seed
 * than the fit's, as a real outage is one draw from the model's population. Calibration starts
 * from wrong values (0.08 and 1,500) and must land where the truth is inside both 95% intervals,
 * with intervals that are not the whole range, and fit the facts.
 */
class RecoversKnownParametersTest {

  static final double TRUE_LEAK = 0.05;
  static final double TRUE_INSTALLS = 3000;

  /** The small leak scenario, ending at 07:00 after its first incident (shorter runs, the same facts). */
  static String yaml() throws IOException {
    try (InputStream in = RecoversKnownParametersTest.class.getResourceAsStream("/io/smsim/analysis/small-leak.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("end: 2020-01-06T12:00", "end: 2020-01-06T07:00");
    }
  }

  /** The facts: one run at the truth (seed 2024), minutes to the incident, births started and births impacted. */
  static String observed() throws IOException {
    ScenarioFile truth = ScenarioFile.fromString("small-leak.yaml", yaml(), List.of());
    RunResult incident = Replay.run(truth.scenario(), 2024, 0, null);
    double[] v = SummaryMetrics.values(incident, List.of(MetricPath.of(Region.NORTH, "firstIncident.startMinutes"),
        MetricPath.of(Region.NORTH, "birthingEvents.total"), MetricPath.of(Region.NORTH, "birthingEvents.impacted")));
    return "observed:\n"
        + "  - {metric: regions.north.firstIncident.startMinutes, value: " + v[0] + ", uncertainty: 0.5}\n"
        + "  - {metric: regions.north.birthingEvents.total, value: " + v[1] + "}\n"
        + "  - {metric: regions.north.birthingEvents.impacted, value: " + v[2] + "}\n";
  }

  @Test
  void factsGeneratedAtKnownValuesAreFittedWithIntervalsThatContainTheTruth() throws IOException {
    ScenarioFile file = ScenarioFile.fromString("small-leak.yaml", yaml() + observed(),
        List.of("faults[0].probability=0.08", "regions.north.workload.install.perDay=1500"));
    List<String> lines = new ArrayList<>();
    CalibrationResult r = Calibration.run(file, List.of(FitParameter.parse("faults[0].probability=0.02..0.12"),
        FitParameter.parse("regions.north.workload.install.perDay=500..6000")),
        new Calibration.Settings(7, 10, 2, Method.BOBYQA, 60), lines::add);

    CalibrationResult.Fitted leak = r.parameters().get(0);
    CalibrationResult.Fitted installs = r.parameters().get(1);
    assertThat(leak.start()).isEqualTo(0.08);
    assertThat(installs.start()).isEqualTo(1500);
    assertThat(TRUE_LEAK).isBetween(leak.ciLow(), leak.ciHigh());
    assertThat(TRUE_INSTALLS).isBetween(installs.ciLow(), installs.ciHigh());
    assertThat(leak.ciHigh() - leak.ciLow()).isLessThan(0.3 * (0.12 - 0.02));
    assertThat(installs.ciHigh() - installs.ciLow()).isLessThan(0.3 * (6000 - 500));
    assertThat(r.objective()).isLessThan(r.startObjective() / 10);
    for (CalibrationResult.FactFit f : r.facts()) {
      assertThat(Math.abs(f.z())).as(f.fact().metric().text()).isLessThan(2); // one draw: within 2 sd
    }
    assertThat(r.regions()).containsExactly(Region.NORTH);
    assertThat(lines).hasSize(r.steps().size()).allMatch(l -> l.startsWith("calibrate: #"));
    System.out.printf("recovery: leak %s [%s, %s] (truth %s), installs %s [%s, %s] (truth %s), %d points%n",
        leak.fitted(), leak.ciLow(), leak.ciHigh(), TRUE_LEAK, installs.fitted(), installs.ciLow(), installs.ciHigh(),
        TRUE_INSTALLS, r.steps().size());
  }
}
