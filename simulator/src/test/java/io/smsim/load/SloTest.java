package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** The --slo grammar: what parses, where a malformed objective is wrong, and how a breach reads. */
class SloTest {

  @Test
  void parsesLatencyCountShareAndRateObjectives() {
    List<Slo.Clause> c = Slo.parse("ack.p99<50ms, e2e.p99 < 2s,errors<0.1%,lost<=0,rate>=190/s,ok>99.9%,e2e.max<500us");
    assertThat(c).extracting(Slo.Clause::metric)
        .containsExactly("ack.p99", "e2e.p99", "errors", "lost", "rate", "ok", "e2e.max");
    assertThat(c.get(0).limit()).isEqualTo(50.0);
    assertThat(c.get(1).limit()).isEqualTo(2000.0);
    assertThat(c.get(1).op()).isEqualTo(Slo.Op.LT);
    assertThat(c.get(2).limit()).isEqualTo(0.001);
    assertThat(c.get(3).op()).isEqualTo(Slo.Op.LE);
    assertThat(c.get(4).limit()).isEqualTo(190.0);
    assertThat(c.get(6).limit()).isEqualTo(0.5);
    assertThat(Slo.parse("  ")).isEmpty();
  }

  @Test
  void malformedObjectivesNameTheirPosition() {
    assertThatThrownBy(() -> Slo.parse("ack.p99=50ms")).hasMessageStartingWith("--slo at position 8: expected an "
        + "operator <, <=, > or >= after ack.p99");
    assertThatThrownBy(() -> Slo.parse("ack.p99<50")).hasMessageStartingWith("--slo at position 11: ack.p99 is a "
        + "latency: give a unit us, ms or s");
    assertThatThrownBy(() -> Slo.parse("ack.p99<50ms,,errors<1%")).hasMessageStartingWith("--slo at position 14: "
        + "expected a metric");
    assertThatThrownBy(() -> Slo.parse("e2e.p98<1s")).hasMessageStartingWith("--slo at position 1: unknown metric "
        + "e2e.p98");
    assertThatThrownBy(() -> Slo.parse("errors<abc")).hasMessageStartingWith("--slo at position 8: expected a number");
    assertThatThrownBy(() -> Slo.parse("errors<1% x")).hasMessageStartingWith("--slo at position 11: unexpected text");
    assertThatThrownBy(() -> Slo.parse("errors<150%")).hasMessageContaining("at most 100%");
    assertThatThrownBy(() -> Slo.parse("ok>99")).hasMessageContaining("ok is a share of all requests");
  }

  @Test
  void aBreachIsOneLineWithTheMeasuredValueInTheObjectivesUnit() {
    Histogram e2e = new Histogram(LoadStats.HIGHEST_MICROS, 3);
    for (int i = 0; i < 100; i++) {
      e2e.recordValue(i < 98 ? 100_000 : 3_410_000); // p99 = 3.41 s
    }
    Histogram ack = new Histogram(LoadStats.HIGHEST_MICROS, 3);
    ack.recordValue(2_000);
    Map<String, Long> errors = new LinkedHashMap<>();
    errors.put("E20", 5L);
    LoadResult r = new LoadResult(
        new LoadResult.Setup("http://t", "constant 10/s", "", 10, 1, 1, 1, 30, 5, 10, false, null, 1,
            Instant.EPOCH, 10),
        new LoadResult.Outcomes(1000, 995, errors, 0, 0, 0),
        new LoadResult.Accounting(0, List.of(), 0, 0, List.of(), 0, 0, 0),
        new LoadResult.Sends(1000, 0, 0.1, 0, 1, 100, 0, LoadResult.PreCommandKey.RUN_KEY),
        new LoadResult.Latency(ack, e2e, new Histogram[0]), null);
    List<Slo.Verdict> v = Slo.evaluate(Slo.parse("e2e.p99<2s,ack.p99<50ms,errors<0.1%,errors<=5,rate>=100"), r);
    assertThat(v).extracting(Slo.Verdict::met).containsExactly(false, true, false, true, true);
    assertThat(v.get(0).breachLine()).isEqualTo("e2e.p99 < 2s breached: 3.41s");
    assertThat(v.get(2).breachLine()).isEqualTo("errors < 0.1% breached: 0.5%");
    assertThat(v.get(1).line()).isEqualTo("ack.p99 < 50ms met: 2ms");
  }
}
