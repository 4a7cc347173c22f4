package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.RequestId;
import io.smsim.duis.ResponseCode;
import io.smsim.model.DeviceRegistry;
import io.smsim.model.Region;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.junit.jupiter.api.Test;

/**
 * Every request ends as exactly one outcome, and answers that never come or come twice are
 * counted and named (in the spirit of Jepsen's checkers): a stub target acknowledges everything
 * but drops some final responses (lost), sends some twice (duplicated), some after the deadline
 * (late: timeouts, not lost), some as E20; and the test forges responses for RequestIDs the run
 * never sent (unknown). 200 requests at 100/s on 2 threads; counters are {@code base + 1 ... base + 200}.
 *
 * <p>The classes are set apart by seconds, not milliseconds, so that a loaded machine cannot move an
 * answer from one to another: a final response comes 5 ms after the acknowledgement, a late one 8 s
 * after it, 3 s past the 5 s response timeout and at least 3 s before the 6 s grace period ends
 * (it starts when the last dropped request times out, 2 s + 5 s after the start).
 */
class AccountingTest {

  private static final long BASE = 7_000_000L;

  @Test
  void everyRequestHasOneOutcomeAndLostDuplicatedLateAndUnknownAnswersAreCounted() throws Exception {
    LongPredicate dropped = c -> (c - BASE) % 20 == 0;        // 10 lost
    LongPredicate twice = c -> (c - BASE) % 25 == 1;          // 8 duplicated
    LongPredicate failed = c -> (c - BASE) % 10 == 3;         // 20 E20
    LongPredicate late = c -> (c - BASE) % 50 == 7;           // 4 late
    try (StubTarget stub = new StubTarget(); CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      stub.callback = receiver.url();
      stub.dropFinal = dropped;
      stub.duplicateFinal = twice;
      stub.failFinal = failed;
      stub.slowFinal = late;
      stub.slowFinalDelayMillis = 8000;
      LoadOptions options = LoadOptions.defaults(stub.url(), new Pacing.Constant(100))
          .withDuration(TimeUnit.SECONDS.toNanos(2)).withConnections(8, 2)
          .withTimeouts(TimeUnit.SECONDS.toNanos(5), TimeUnit.SECONDS.toNanos(6))
          .withIdentity(LoadOptions.DEFAULT_ORIGINATOR, BASE, 3);
      Traffic traffic = Traffic.standard(EnumSet.allOf(Region.class), Traffic.parseMix("4.1.1"));
      long device = DeviceRegistry.generated(Region.NORTH, 1);
      LoadResult r = LoadRun.run(options, traffic, receiver, null, null, c -> {
        stub.post(receiver.url(), new RequestId(LoadOptions.DEFAULT_ORIGINATOR, device, BASE + 1_000_000),
            ResponseCode.I0);
        stub.post(receiver.url(), new RequestId(0x0011_2233_4455_6677L, device, BASE + 5), ResponseCode.I0);
      });

      LoadResult.Outcomes o = r.outcomes();
      assertThat(o.total()).isEqualTo(200);
      assertThat(o.inFlight()).isZero();
      assertThat(o.balanced()).as("total = ok + errors + timeouts").isTrue();
      assertThat(o.errors()).containsOnlyKeys("E20").containsEntry("E20", count(failed, dropped.or(late)));
      assertThat(o.timeoutsAcknowledged()).isEqualTo(count(dropped.or(late), c -> false));
      assertThat(o.timeoutsUnacknowledged()).isZero();
      assertThat(o.ok()).isEqualTo(200 - o.errorCount() - o.timeouts());
      LoadResult.Accounting a = r.accounting();
      assertThat(a.lost()).isEqualTo(10);
      assertThat(a.lostIds()).allMatch(id -> id.startsWith("90-B3-D5-1F-30-01-00-00:00-DB-FF-0"))
          .extracting(id -> id.substring(id.lastIndexOf(':'))).containsExactlyElementsOf(suffixes(dropped));
      assertThat(a.lateAnswers()).isEqualTo(count(late, dropped));
      assertThat(a.duplicated()).isEqualTo(count(twice, dropped.or(late)));
      AnswerSeries answers = r.servers().answers();
      long byIntendedTenth = 0;
      for (int t = 0; t < answers.tenths(); t++) {
        byIntendedTenth += answers.duplicated(t);
        assertThat(answers.duplicated(t) == 0 || t < 20).as("counted in the 2 s of sends, where its request was")
            .isTrue();
      }
      assertThat(byIntendedTenth).as("every duplicate placed by its request's intended send time")
          .isEqualTo(a.duplicated());
      assertThat(a.unknown()).isEqualTo(2);
      assertThat(stub.requests.get()).isEqualTo(200);
    }
  }

  /** How many of the run's counters match {@code p} and not {@code except}. */
  private static long count(LongPredicate p, LongPredicate except) {
    long n = 0;
    for (long c = BASE + 1; c <= BASE + 200; c++) {
      n += p.test(c) && !except.test(c) ? 1 : 0;
    }
    return n;
  }

  /** The counters matching {@code p}, as they end RequestIDs ({@code :counter}), in order. */
  private static List<String> suffixes(LongPredicate p) {
    List<String> suffixes = new ArrayList<>();
    for (long c = BASE + 1; c <= BASE + 200; c++) {
      if (p.test(c)) {
        suffixes.add(":" + c);
      }
    }
    return suffixes;
  }
}
