package io.smsim.report;

import io.smsim.model.Times;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Number, duration and date formats of the human-facing reports. */
final class Formats {

  private static final long SECOND = 1_000_000_000L;
  private static final long MINUTE = 60 * SECOND;
  private static final long HOUR = 60 * MINUTE;
  /** The incident report's dates: {@code 02/04/2019}. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.ROOT);

  private Formats() {
  }

  /** {@code 0.0805} → {@code 8.05%}; at most three decimals, no trailing zeros. */
  static String percent(double ratio) {
    String s = String.format(Locale.ROOT, "%.3f", 100 * ratio);
    s = s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    return s + "%";
  }

  /** {@code part} of {@code whole} as a percentage with at most one decimal: {@code 33.3%}. */
  static String share(long part, long whole) {
    String s = String.format(Locale.ROOT, "%.1f", 100.0 * part / whole);
    return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
  }

  static String group(long n) {
    return ConsoleSummary.group(n);
  }

  /** A configured duration: {@code 1 h}, {@code 8 min}, {@code 30 s}, {@code 150 ms}. */
  static String duration(long nanos) {
    if (nanos != 0 && nanos % HOUR == 0) {
      return nanos / HOUR + " h";
    }
    if (nanos != 0 && nanos % MINUTE == 0) {
      return nanos / MINUTE + " min";
    }
    if (nanos != 0 && nanos % SECOND == 0) {
      return nanos / SECOND + " s";
    }
    return String.format(Locale.ROOT, "%.0f ms", nanos / 1e6);
  }

  /** Whole minutes between two instants, rounded down. */
  static long minutesBetween(Instant from, Instant to) {
    return java.time.Duration.between(from, to).toMinutes();
  }

  /** {@code 02/04/2019}. */
  static String date(Instant t, ZoneId zone) {
    return DATE.format(t.atZone(zone));
  }

  /** {@code 02/04/2019 10:23 BST}, the incident report's form with the zone named. */
  static String dateTime(Instant t, ZoneId zone) {
    return t == null ? "-" : date(t, zone) + " " + Times.clock(t, zone) + " " + Times.zoneName(t, zone);
  }

  /** {@code 10:23 BST}. */
  static String clock(Instant t, ZoneId zone) {
    return t == null ? "-" : Times.clock(t, zone) + " " + Times.zoneName(t, zone);
  }
}
