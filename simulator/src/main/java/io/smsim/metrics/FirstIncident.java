package io.smsim.metrics;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;

/**
 * The timing of a region's first incident as replication metrics (what an incident review quotes:
 * "started 10:24, ticket 10:40, restored 10:48") and how intermittent it was: each time as minutes
 * from the run's start and as local time of day (minutes after local midnight, so 10:24:30 is
 * 624.5), and the share of attempts that still succeeded inside it.
 *
 * @param detectedAt null when the incident was never detected (the times derived from it are NaN)
 * @param end null while the incident was still going when the run ended
 * @param successRatio succeeded attempts / attempts over the whole incident
 * @param medianMinuteSuccessRatio the median over the incident's minutes (those with attempts) of
 *     each minute's succeeded attempts / attempts: near 0 for a total outage, between for an
 *     intermittent one
 */
public record FirstIncident(Instant start, Instant detectedAt, Instant end, double startMinutes,
    double detectedMinutes, double endMinutes, double startTimeOfDay, double detectedTimeOfDay, double endTimeOfDay,
    double successRatio, double medianMinuteSuccessRatio) implements java.io.Serializable {

  /**
   * @param runStart the run's virtual start
   * @param minutes the region's one-minute series (minute i starts at runStart + i minutes)
   */
  static FirstIncident of(Incident i, Instant runStart, ZoneId zone, MinuteSeries minutes) {
    double success = i.attempts() == 0 ? Double.NaN : 1 - (double) i.attemptsFailed() / i.attempts();
    int from = (int) minutesBetween(runStart, i.start());
    int to = i.end() == null ? minutes.size() : (int) Math.min(minutes.size(), Math.ceil(minutesBetween(runStart, i.end())));
    double[] ratios = new double[Math.max(0, to - from)];
    int n = 0;
    for (int m = Math.max(0, from); m < to; m++) {
      int attempts = minutes.attempts(m);
      if (attempts > 0) {
        ratios[n++] = (double) (attempts - minutes.failed(m)) / attempts;
      }
    }
    return new FirstIncident(i.start(), i.detectedAt(), i.end(), minutesBetween(runStart, i.start()),
        minutesBetween(runStart, i.detectedAt()), minutesBetween(runStart, i.end()), timeOfDay(i.start(), zone),
        timeOfDay(i.detectedAt(), zone), timeOfDay(i.end(), zone), success, median(ratios, n));
  }

  /** Minutes from {@code from} to {@code t}; NaN when t is null. */
  static double minutesBetween(Instant from, Instant t) {
    return t == null ? Double.NaN : java.time.Duration.between(from, t).toNanos() / 60e9;
  }

  /** Minutes after local midnight on the wall clock; NaN when t is null. */
  public static double timeOfDay(Instant t, ZoneId zone) {
    return t == null ? Double.NaN : t.atZone(zone).toLocalTime().toNanoOfDay() / 60e9;
  }

  private static double median(double[] values, int n) {
    if (n == 0) {
      return Double.NaN;
    }
    double[] v = Arrays.copyOf(values, n);
    Arrays.sort(v);
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }
}
