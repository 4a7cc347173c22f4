package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@link SendTenths}: a request's sequence number gives back the tenth of a second it was intended
 * in, across empty tenths and bursts, so that a duplicate answer is counted where its request was
 * sent, however late it arrives.
 */
class SendTenthsTest {

  private static final long TENTH = 100_000_000L;

  @Test
  void aSequenceNumberMapsToTheTenthItsRequestWasIntendedIn() {
    SendTenths s = new SendTenths();
    s.issued(0, 0);                 // tenth 0
    s.issued(1, 50_000_000L);       // tenth 0
    s.issued(2, 3 * TENTH + 1);     // tenth 3 (1 and 2 empty)
    for (long seq = 3; seq < 1003; seq++) {
      s.issued(seq, 7 * TENTH + seq); // a burst in tenth 7
    }
    s.issued(1003, 1000 * TENTH);   // tenth 1000: the table grows

    assertThat(s.offsetOf(0)).isZero();
    assertThat(s.offsetOf(1)).isZero();
    assertThat(s.offsetOf(2)).isEqualTo(3 * TENTH);
    assertThat(s.offsetOf(3)).isEqualTo(7 * TENTH);
    assertThat(s.offsetOf(1002)).isEqualTo(7 * TENTH);
    assertThat(s.offsetOf(1003)).isEqualTo(1000 * TENTH);
  }

  @Test
  void beforeAnyRequestNothingIsKnown() {
    assertThat(new SendTenths().offsetOf(0)).isEqualTo(-1);
  }
}
