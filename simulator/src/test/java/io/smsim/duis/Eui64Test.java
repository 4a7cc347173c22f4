package io.smsim.duis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class Eui64Test {

  @Test
  void parsesDuisFormMostSignificantByteFirst() {
    assertThat(Eui64.parse("90-B3-D5-1F-30-01-00-00")).isEqualTo(0x90B3D51F30010000L);
    assertThat(Eui64.parse("00-DB-12-34-56-78-90-A0")).isEqualTo(0x00DB1234567890A0L);
  }

  @Test
  void formatsUpperCaseWithHyphens() {
    assertThat(Eui64.format(0x90B3D51F30010000L)).isEqualTo("90-B3-D5-1F-30-01-00-00");
    assertThat(Eui64.format(0L)).isEqualTo("00-00-00-00-00-00-00-00");
    assertThat(Eui64.format(-1L)).isEqualTo("FF-FF-FF-FF-FF-FF-FF-FF");
  }

  @Test
  void roundTripsEdgeValues() {
    for (long v : new long[] {0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 0x0123456789ABCDEFL}) {
      assertThat(Eui64.parse(Eui64.format(v))).isEqualTo(v);
      assertThat(Eui64.isValid(Eui64.format(v))).isTrue();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "90-B3-D5-1F-30-01-00", "90-B3-D5-1F-30-01-00-00-00", "90B3D51F30010000",
      "90:B3:D5:1F:30:01:00:00", "90-B3-D5-1F-30-01-00-0G", " 0-B3-D5-1F-30-01-00-00", "+0-B3-D5-1F-30-01-00-00"})
  void rejectsMalformedText(String text) {
    assertThatIllegalArgumentException().isThrownBy(() -> Eui64.parse(text)).withMessageStartingWith("EUI-64 ");
    assertThat(Eui64.isValid(text)).isFalse();
  }

  @Test
  void rejectsLowerCaseHexAsDuisPatternIsUpperCase() {
    assertThatIllegalArgumentException().isThrownBy(() -> Eui64.parse("90-b3-d5-1f-30-01-00-00"))
        .withMessage("EUI-64 must use upper-case hex digits 0-9, A-F: \"90-b3-d5-1f-30-01-00-00\"");
  }

  @Test
  void messageQuotesAndTruncatesHostileInput() {
    String hostile = "x".repeat(5000) + "\n";
    assertThatIllegalArgumentException().isThrownBy(() -> Eui64.parse(hostile))
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(250).contains("(5001 chars)"));
  }
}
