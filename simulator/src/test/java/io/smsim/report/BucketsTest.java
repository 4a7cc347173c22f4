package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BucketsTest {

  @Test
  void shortSeriesKeepsEveryStep() {
    Buckets b = Buckets.of(1500, List.of(), 2000);
    assertThat(b.size()).isEqualTo(1500);
    assertThat(b.coarseWidth()).isEqualTo(1);
  }

  @Test
  void longSeriesIsMergedIntoContiguousBucketsWithinThePointBudget() {
    int month = 30 * 24 * 60;
    Buckets b = Buckets.of(month, List.of(), 2000);
    assertThat(b.size()).isLessThanOrEqualTo(2000);
    assertContiguous(b, month);
    for (int i = 0; i < b.size(); i++) {
      assertThat(b.end(i) - b.start(i)).isLessThanOrEqualTo(b.coarseWidth());
    }
  }

  @Test
  void fullResolutionRangesKeepOneStepPerBucketAndTheBudgetHolds() {
    int n = 5700;
    List<int[]> incidents = List.of(new int[] {3000, 3084}, new int[] {5650, 5800}, new int[] {-10, 20});
    Buckets b = Buckets.of(n, incidents, 2000);
    assertThat(b.size()).isLessThanOrEqualTo(2000);
    assertContiguous(b, n);
    for (int i = 0; i < b.size(); i++) {
      int s = b.start(i);
      if ((s >= 3000 && s < 3084) || s >= 5650 || s < 20) {
        assertThat(b.end(i) - s).as("bucket at %d", s).isEqualTo(1);
      }
    }
  }

  @Test
  void rangesTakingMostOfTheBudgetAreIgnoredRatherThanBreakingIt() {
    Buckets b = Buckets.of(100_000, List.of(new int[] {0, 50_000}), 2000);
    assertThat(b.size()).isLessThanOrEqualTo(2000);
    assertContiguous(b, 100_000);
  }

  @Test
  void emptySeriesHasNoBuckets() {
    assertThat(Buckets.of(0, List.of(), 2000).size()).isZero();
  }

  private static void assertContiguous(Buckets b, int n) {
    assertThat(b.start(0)).isZero();
    for (int i = 0; i < b.size(); i++) {
      assertThat(b.end(i)).isGreaterThan(b.start(i));
      if (i + 1 < b.size()) {
        assertThat(b.start(i + 1)).isEqualTo(b.end(i));
      }
    }
    assertThat(b.end(b.size() - 1)).isEqualTo(n);
  }
}
