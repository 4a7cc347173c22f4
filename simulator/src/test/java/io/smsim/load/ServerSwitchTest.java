package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Detection, switchover and fail-back from the answers by server ({@link ExternalMeasures}), on a
 * scripted sequence of answers at 50 requests/s: the primary accepts until the fault at 3 s, answers
 * only errors (a load balancer's 503 naming it) until 3.48 s, the backup accepts from 3.5 s, and the
 * primary accepts again from 7.2 s after a restore at 6 s. Times are placed by intended send time.
 */
class ServerSwitchTest {

  private static final int PRIMARY = 1;
  private static final int BACKUP = 2;
  private static final int NOSRV = 3;

  @Test
  void detectionSwitchoverAndFailbackArePlacedByIntendedSendTime() {
    AnswerSeries a = new AnswerSeries();
    for (int i = 0; i < 500; i++) {
      long t = i * 20_000_000L;
      if (t < 3_000_000_000L) {
        a.answered(t, PRIMARY, true);
      } else if (t < 3_500_000_000L) {
        a.answered(t, PRIMARY, false);
        a.answered(t + 1, NOSRV, false); // no server at all: never the new one
      } else if (t < 7_200_000_000L) {
        a.answered(t, BACKUP, true);
      } else {
        a.answered(t, PRIMARY, true);
      }
    }
    ExternalMeasures.Switch s = ExternalMeasures.Switch.of(result(a), 3.0, 6.0);
    assertThat(s.old).isEqualTo("primary");
    assertThat(s.next).isEqualTo("backup");
    assertThat(s.detection).as("the last request the primary answered, an error, at 3.48 s").isCloseTo(0.48,
        within(1e-9));
    assertThat(s.switchover).as("3.48 s -> 3.5 s").isCloseTo(0.02, within(1e-9));
    assertThat(s.failback).as("restore at 6 s -> 7.2 s").isCloseTo(1.2, within(1e-9));
  }

  @Test
  void aServerSilentAfterTheFaultHasDetectionZeroAndNoOtherServerMeansNoSwitch() {
    AnswerSeries killed = new AnswerSeries();
    AnswerSeries alone = new AnswerSeries();
    for (int i = 0; i < 300; i++) {
      long t = i * 20_000_000L;
      if (t < 3_000_000_000L) {
        killed.answered(t, PRIMARY, true);
      } else if (t >= 3_600_000_000L) {
        killed.answered(t, BACKUP, true);
      }
      alone.answered(t, PRIMARY, true);
    }
    ExternalMeasures.Switch k = ExternalMeasures.Switch.of(result(killed), 3.0, Double.NaN);
    assertThat(k.detection).isZero();
    assertThat(k.switchover).isCloseTo(0.6, within(1e-9));
    assertThat(k.failback).isNaN();
    ExternalMeasures.Switch none = ExternalMeasures.Switch.of(result(alone), 3.0, Double.NaN);
    assertThat(none.next).isNull();
    assertThat(none.detection).isNaN();
    assertThat(none.switchover).isNaN();
  }

  private static LoadResult result(AnswerSeries a) {
    return new LoadResult(null, null, null, null, null, null, new LoadResult.Servers("X-Served-By",
        java.util.Arrays.asList(ServerNames.NONE_NAME, "primary", "backup", "<NOSRV>", null, null, null,
            ServerNames.OTHER_NAME), a, List.of()));
  }
}
