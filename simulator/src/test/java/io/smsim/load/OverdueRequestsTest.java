package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A request whose deadline passes while it waits for a connection ends as a timeout and is never
 * sent, and at the end of a run every request still without an outcome (its expiry held up behind
 * a hung connection, or a starved event loop) ends as the timeout it is: the ledger balances
 * whatever the machine's load. The ledger is driven directly, with a response timeout of 1 s.
 */
class OverdueRequestsTest {

  private static final long T0 = 1_000_000_000_000L;
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final int SERVER = 1;
  /** A catalogue SRV that is not critical: one step, no transform leg. */
  private static final int SRV = nonCritical();

  private static int nonCritical() {
    boolean[] critical = Traffic.criticalSrvs();
    for (int i = 0; i < critical.length; i++) {
      if (!critical[i]) {
        return i;
      }
    }
    throw new AssertionError("every SRV is critical");
  }

  private static Ledger ledger() {
    LoadOptions options = LoadOptions.defaults(URI.create("http://127.0.0.1:9"), new Pacing.Constant(10))
        .withTimeouts(SECOND, 0);
    Ledger l = new Ledger(options, new LoadStats(new Codes("I0")), 0, 1, Traffic.criticalSrvs());
    l.start(T0);
    return l;
  }

  @Test
  void aQueuedRequestPastItsDeadlineEndsAsATimeoutInsteadOfGoingOnTheWire() {
    Ledger l = ledger();
    long fresh = l.issue(T0 + SECOND, 7, SRV, 0);
    long stale = l.issue(T0, 7, SRV, 0);

    assertThat(l.sendable(fresh, T0 + SECOND + 1)).isTrue();
    assertThat(l.sendable(stale, T0 + SECOND + 1)).as("queued 1 s: its deadline has passed").isFalse();
    assertThat(l.isQueued(stale)).isFalse();
    Ledger.Totals t = l.totals();
    assertThat(t.byCode()[Codes.TIMEOUT_NO_ACK]).isEqualTo(1);
    assertThat(t.inFlight()).isEqualTo(1);
  }

  @Test
  void atTheEndEveryOverdueRequestEndsOnceAcknowledgedOrNot() {
    Ledger l = ledger();
    long sent = l.issue(T0, 7, SRV, 0);
    long acked = l.issue(T0 + 1, 7, SRV, 0);
    long answered = l.issue(T0 + 2, 7, SRV, 0);
    long queued = l.issue(T0 + 3, 7, SRV, 0);
    long young = l.issue(T0 + 5 * SECOND, 7, SRV, 0);
    l.sent(sent, 0);
    l.sent(acked, 1);
    l.sent(answered, 2);
    l.answered(acked, 200, "I99", SERVER, T0 + 10);
    l.answered(answered, 200, "I0", SERVER, T0 + 10);

    l.endOverdue(T0 + 2 * SECOND);

    Ledger.Totals t = l.totals();
    assertThat(t.byCode()[Codes.OK]).isEqualTo(1);
    assertThat(t.byCode()[Codes.TIMEOUT]).as("acknowledged, never answered").isEqualTo(1);
    assertThat(t.byCode()[Codes.TIMEOUT_NO_ACK]).as("on the wire, and queued").isEqualTo(2);
    assertThat(t.inFlight()).as("only the request still within its deadline").isEqualTo(1);
    assertThat(t.lost()).singleElement().matches(x -> x.intendedOffset() == 1, "the acknowledged one");
    assertThat(l.isQueued(queued)).isFalse();
    assertThat(l.isQueued(young)).isTrue();
  }
}
