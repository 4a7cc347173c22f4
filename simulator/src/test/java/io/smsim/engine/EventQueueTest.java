package io.smsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventQueueTest {

  @Test
  void pollsInTimeOrderThenInsertionOrder() {
    EventQueue q = new EventQueue(4);
    q.add(30, 1, 0, 0);
    q.add(10, 1, 1, 0);
    q.add(20, 1, 2, 0);
    q.add(10, 1, 3, 0);
    q.add(10, 1, 4, 0);
    List<Integer> order = new ArrayList<>();
    while (q.poll()) {
      order.add(q.polledEntity());
    }
    assertThat(order).containsExactly(1, 3, 4, 2, 0);
  }

  @Test
  void matchesAReferencePriorityQueueOnRandomWorkloads() {
    RandomStream r = new RandomStream(42);
    EventQueue q = new EventQueue(8);
    PriorityQueue<long[]> ref = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    long seq = 0;
    long now = 0;
    for (int step = 0; step < 200_000; step++) {
      if (ref.isEmpty() || r.nextDouble() < 0.55) {
        long t = now + r.nextInt(50); // many ties
        q.add(t, 7, (int) seq, seq);
        ref.add(new long[] {t, seq++});
      } else {
        assertThat(q.poll()).isTrue();
        long[] e = ref.poll();
        assertThat(q.polledTime()).isEqualTo(e[0]);
        assertThat(q.polledArg()).isEqualTo(e[1]);
        now = e[0];
      }
    }
    assertThat(q.size()).isEqualTo(ref.size());
  }

  /**
   * The hold model against the reference at scales that route buckets through every sorting path:
   * insertion sort, counting sort by the lowest and by the second digit, packed sort and
   * redistribution (pending × mean sets how many events share a bucket of each level).
   */
  @ParameterizedTest
  @CsvSource({"50, 1000", "1000, 1000000", "300, 1000000", "5000, 1000000", "2000, 30000000", "20000, 1000000",
      "1000, 1000000000"})
  void matchesTheReferenceInTheHoldModelAtManyScales(int pending, double mean) {
    RandomStream r = new RandomStream(pending);
    EventQueue q = new EventQueue(8);
    PriorityQueue<long[]> ref = new PriorityQueue<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
        : Long.compare(a[1], b[1]));
    long seq = 0;
    for (; seq < pending; seq++) {
      long t = (long) r.nextExponential(mean);
      q.add(t, 1, (int) seq, seq);
      ref.add(new long[] {t, seq});
    }
    for (int step = 0; step < 100_000; step++) {
      assertThat(q.poll()).isTrue();
      long[] e = ref.poll();
      assertThat(q.polledTime()).isEqualTo(e[0]);
      assertThat(q.polledArg()).as("tie order at step %d", step).isEqualTo(e[1]);
      // every fifth event goes to a grid of 4,096 ns, where many share an instant (ties); the rest at now + Exp(mean)
      long t = e[0] + (long) r.nextExponential(mean);
      if (step % 5 == 0) {
        t = Math.max(e[0], t & ~4095L);
      }
      q.add(t, 1, (int) seq, seq);
      ref.add(new long[] {t, seq++});
    }
    assertThat(q.size()).isEqualTo(ref.size());
  }

  @Test
  void cancelledEventsNeverFireAndStaleHandlesAreRefused() {
    EventQueue q = new EventQueue();
    long a = q.add(5, 1, 1, 0);
    long b = q.add(6, 1, 2, 0);
    long c = q.add(7, 1, 3, 0);
    assertThat(q.cancel(b)).isTrue();
    assertThat(q.cancel(b)).as("second cancel").isFalse();
    assertThat(q.size()).isEqualTo(2);
    assertThat(q.poll()).isTrue();
    assertThat(q.polledEntity()).isEqualTo(1);
    assertThat(q.cancel(a)).as("already fired").isFalse();
    // the slot of b is recycled for d: b's handle must not cancel d
    long d = q.add(8, 1, 4, 0);
    assertThat(q.cancel(b)).isFalse();
    Set<Integer> fired = new HashSet<>();
    while (q.poll()) {
      fired.add(q.polledEntity());
    }
    assertThat(fired).containsExactlyInAnyOrder(3, 4);
    assertThat(q.cancel(c)).isFalse();
    assertThat(q.cancel(d)).isFalse();
  }

  @Test
  void boundaryEventsComeFirstAtTheSameInstant() {
    EventQueue q = new EventQueue();
    q.add(10, 1, 1, 0);
    q.add(10, 1, 2, 0, true);
    q.add(5, 1, 3, 0);
    q.add(10, 1, 4, 0, true);
    List<Integer> order = new ArrayList<>();
    while (q.poll()) {
      order.add(q.polledEntity());
    }
    assertThat(order).containsExactly(3, 2, 4, 1);
  }

  @Test
  void memoryFollowsThePendingEventsNotTheLengthOfTheRun() {
    // a hold model whose times sweep through every digit of the buckets many times over
    EventQueue q = new EventQueue();
    RandomStream r = new RandomStream(3);
    int pending = 20_000;
    for (int i = 0; i < pending; i++) {
      q.add((long) r.nextExponential(1e9), 1, i, 0);
    }
    long retainedEarly = 0;
    for (int i = 0; i < 5_000_000; i++) {
      q.poll();
      q.add(q.polledTime() + (long) r.nextExponential(1e9), 1, q.polledEntity(), 0);
      if (i == 500_000) {
        retainedEarly = q.retainedCapacity();
      }
    }
    assertThat(q.size()).isEqualTo(pending);
    assertThat(q.retainedCapacity()).isLessThan(40L * pending).isLessThan(2 * retainedEarly + 100_000);
  }

  @Test
  void cancelledTopIsSkippedByPeek() {
    EventQueue q = new EventQueue();
    long first = q.add(1, 1, 1, 0);
    q.add(2, 1, 2, 0);
    q.cancel(first);
    assertThat(q.isEmpty()).isFalse();
    assertThat(q.peekTime()).isEqualTo(2);
  }
}
