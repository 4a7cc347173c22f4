package io.smsim.model;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Maps virtual time (nanoseconds since the scenario start) to instants and to local civil time
 * in the scenario's zone (Europe/London for GB: profiles and cron jobs follow local hours, so the
 * BST change on 31 March 2019 is honoured).
 */
public record Timebase(Instant start, ZoneId zone) {

  /**
   * The longest span and the longest duration virtual time represents: 100 years of 365.25 days
   * (3.16e18 ns). Time is a {@code long} of nanoseconds (±292 years), so a time within a run plus
   * any duration stays below 2^63.
   */
  public static final long MAX_NANOS = 100L * 31_557_600L * 1_000_000_000L;

  public Timebase {
    java.util.Objects.requireNonNull(start, "start");
    java.util.Objects.requireNonNull(zone, "zone");
  }

  /**
   * An ISO-8601 time, the one grammar of scenario times and trace timestamps: with an offset or
   * {@code Z} it is absolute ({@code 2019-04-02T10:48:00Z}); without one ({@code 2019-04-02T10:48})
   * it is local time in {@code zone}. The form is decided from the text, not by trying one parser
   * after the other, so a long trace of local times parses without an exception per row.
   *
   * @throws DateTimeException when the text is neither form
   */
  public static Instant parseInstant(String text, ZoneId zone) {
    String s = text.trim();
    int t = s.indexOf('T');
    boolean offset = t >= 0 && (s.endsWith("Z") || s.endsWith("z") || s.indexOf('+', t) >= 0 || s.indexOf('-', t) >= 0);
    return offset ? OffsetDateTime.parse(s).toInstant() : LocalDateTime.parse(s).atZone(zone).toInstant();
  }

  public Instant instantOf(long nanos) {
    return start.plusNanos(nanos);
  }

  public long nanosOf(Instant instant) {
    return Duration.between(start, instant).toNanos();
  }

  public ZonedDateTime localOf(long nanos) {
    return instantOf(nanos).atZone(zone);
  }

  /** Virtual time of the next local hour boundary strictly after {@code nanos}. */
  public long nextLocalHour(long nanos) {
    ZonedDateTime t = localOf(nanos).truncatedTo(ChronoUnit.HOURS).plusHours(1);
    return nanosOf(t.toInstant());
  }

  /**
   * The first time strictly after {@code nanos} of the form local midnight + offset + k·period,
   * counting from the local midnight of that day (cron-like alignment).
   */
  public long nextAligned(long nanos, long periodNanos, long offsetNanos) {
    ZonedDateTime midnight = localOf(nanos).truncatedTo(ChronoUnit.DAYS);
    long base = nanosOf(midnight.toInstant()) + offsetNanos;
    if (base > nanos) {
      return base;
    }
    long k = (nanos - base) / periodNanos + 1;
    return base + k * periodNanos;
  }
}
