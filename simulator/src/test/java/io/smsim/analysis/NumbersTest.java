package io.smsim.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Files hold exact numbers: the shortest decimal that reads back as the same double, never rounded. */
class NumbersTest {

  @Test
  void plainNumbersReadBackAsTheSameDouble() {
    assertThat(Numbers.plain(10798807.1)).isEqualTo("10798807.1");
    assertThat(Numbers.plain(1.0 / 3)).isEqualTo("0.3333333333333333");
    assertThat(Numbers.plain(6374.366666666667)).isEqualTo("6374.366666666667");
    assertThat(Numbers.plain(1e-7)).isEqualTo("0.0000001");
    assertThat(Numbers.plain(2.5e20)).isEqualTo("250000000000000000000");
    assertThat(Numbers.plain(-0.0)).isEqualTo("0");
    assertThat(Numbers.plain(42)).isEqualTo("42");
    assertThat(Numbers.plain(Double.NaN)).isEmpty();
    for (double v : new double[] {0.1 + 0.2, Math.PI * 1e9, 123456.7890123, 5e-324, Double.MAX_VALUE / 3}) {
      assertThat(Double.parseDouble(Numbers.plain(v))).isEqualTo(v);
    }
  }
}
