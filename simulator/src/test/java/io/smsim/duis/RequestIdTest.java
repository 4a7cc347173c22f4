package io.smsim.duis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestIdTest {

  private static final String SAMPLE = "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:12884901888";

  @Test
  void parsesOriginatorTargetAndCounter() {
    RequestId id = RequestId.parse(SAMPLE);
    assertThat(id.originator()).isEqualTo(0x90B3D51F30010000L);
    assertThat(id.target()).isEqualTo(0x00DB1234567890A0L);
    assertThat(id.counter()).isEqualTo(12884901888L);
  }

  @Test
  void formatsBackToTheSameText() {
    assertThat(RequestId.parse(SAMPLE).format()).isEqualTo(SAMPLE);
    assertThat(RequestId.parse(SAMPLE)).hasToString(SAMPLE);
  }

  @Test
  void acceptsTheLargestCounter() {
    String text = "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:" + Long.MAX_VALUE;
    assertThat(RequestId.parse(text).counter()).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void responseIdSwapsOriginatorAndTargetKeepingCounterAsInTheDccSample() {
    RequestId request = RequestId.parse("90-B3-D5-1F-30-01-00-00:BC-33-AC-00-FE-FA-55-3C:1660286628923");
    assertThat(request.responseId().format())
        .isEqualTo("BC-33-AC-00-FE-FA-55-3C:90-B3-D5-1F-30-01-00-00:1660286628923");
  }

  @Test
  void constructorRejectsNonPositiveCounter() {
    assertThatIllegalArgumentException().isThrownBy(() -> new RequestId(1, 2, 0))
        .withMessage("RequestID counter must be positive: 0");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0 | three ':'-separated parts",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1:2 | three ':'-separated parts",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0: | counter must be a positive decimal integer",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:0 | counter must be a positive decimal integer",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:-5 | counter must be a positive decimal integer",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:12a | counter must be a positive decimal integer",
      "90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:9223372036854775808 | counter must be a positive decimal integer",
      "90-B3-D5-1F-30-01-00:00-DB-12-34-56-78-90-A0:1 | RequestID originator: EUI-64 must be 8 hex bytes",
      "90-B3-D5-1F-30-01-00-00:00-db-12-34-56-78-90-a0:1 | RequestID target: EUI-64 must use upper-case hex",
  })
  void rejectsMalformedFormsNamingThePartAndRule(String text, String expected) {
    assertThatIllegalArgumentException().isThrownBy(() -> RequestId.parse(text)).withMessageContaining(expected);
  }
}
