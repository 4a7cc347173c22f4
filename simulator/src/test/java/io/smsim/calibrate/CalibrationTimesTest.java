package io.smsim.calibrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.analysis.Summary;
import io.smsim.model.Region;
import io.smsim.scenario.MetricPath;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * A simulated instant is shown in the scenario's zone, the way its {@code observed:} facts are
 * written: a fact of 10:24 London time in April (BST) must not be compared with "09:24Z".
 */
class CalibrationTimesTest {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  private static double epoch(int h, int m) {
    return ZonedDateTime.of(2019, 4, 2, h, m, 0, 0, LONDON).toEpochSecond();
  }

  @Test
  void aSimulatedInstantIsShownInTheScenariosZoneWithItsInterval() {
    MetricPath start = MetricPath.parse("regions.north.incidents[0].start", java.util.Set.of(Region.NORTH));
    assertThat(start.kind()).isEqualTo(MetricPath.Kind.TIME);
    Summary s = new Summary(30, epoch(10, 24), 240, epoch(10, 22), epoch(10, 26));
    assertThat(CalibrationFiles.simulated(start, s, 30, LONDON)).isEqualTo("2019-04-02 10:24 [10:22, 10:26]");
    assertThat(CalibrationFiles.simulated(start, s, 30, ZoneId.of("UTC"))).isEqualTo("2019-04-02 09:24 [09:22, 09:26]");
  }

  @Test
  void aTimeMissingFromSomeReplicationsSaysHowManyHadIt() {
    MetricPath end = MetricPath.parse("regions.north.incidents[0].end", java.util.Set.of(Region.NORTH));
    Summary s = new Summary(12, epoch(10, 48), 60, epoch(10, 47), epoch(10, 49));
    assertThat(CalibrationFiles.simulated(end, s, 30, LONDON)).endsWith(" n=12");
  }
}
