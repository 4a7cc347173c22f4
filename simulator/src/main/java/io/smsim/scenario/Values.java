package io.smsim.scenario;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Parsers for scenario scalars. Each throws {@link IllegalArgumentException} with a message of
 * the form "rule: value" that the binder places after the field path. Public for the tools that
 * read scenario values from the command line ({@code smsim calibrate --fit PATH=LOW..HIGH}).
 */
public final class Values {

  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*)(\\.\\d+)?([eE][-+]?\\d+)?");

  private Values() {
  }

  /** A duration in nanoseconds ({@link DurationGrammar}: the one grammar of scenarios and options). */
  public static long durationNanos(String text) {
    return DurationGrammar.nanos(text);
  }

  /** A duration in this grammar, to about three figures: {@code 4d}, {@code 346us}, {@code 1.5h}. */
  static String describeNanos(long nanos) {
    String[] units = {"d", "h", "m", "s", "ms", "us", "ns"};
    double[] sizes = {86400e9, 3600e9, 60e9, 1e9, 1e6, 1e3, 1};
    for (int i = 0; i < units.length; i++) {
      if (nanos >= sizes[i] || i == units.length - 1) {
        double v = nanos / sizes[i];
        String s = v >= 100 ? String.format(Locale.ROOT, "%.0f", v) : new java.math.BigDecimal(v)
            .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        return s + units[i];
      }
    }
    throw new AssertionError();
  }

  /** A number; underscores allowed as digit separators ({@code 30_000}); a trailing % divides by 100. */
  public static double number(String text) {
    String s = text.trim();
    double scale = 1;
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).trim();
      scale = 0.01;
    }
    if (!NUMBER.matcher(s).matches()) {
      throw new IllegalArgumentException("not a number: " + text);
    }
    double v = Double.parseDouble(s.replace("_", "")) * scale;
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number (beyond ±1.8e308): " + text);
    }
    return v;
  }

  /** A whole number. */
  static long integer(String text) {
    double d = number(text);
    if (d != Math.rint(d) || text.trim().endsWith("%") || Math.abs(d) > 9.007199254740992E15) {
      throw new IllegalArgumentException("not a whole number: " + text);
    }
    return (long) d;
  }

  /**
   * An ISO-8601 instant. With an offset or Z it is absolute; without one
   * ({@code 2019-04-02T10:48}) it is local time in the scenario's zone.
   */
  static Instant time(String text, ZoneId zone) {
    try {
      return io.smsim.model.Timebase.parseInstant(text, zone);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "not an ISO-8601 time (e.g. 2019-04-02T10:48:00Z or 2019-04-02T10:48 in the scenario's zone): " + text);
    }
  }

  /** A local time of day, {@code 10:24} or {@code 10:24:30}, as minutes after midnight. */
  static double timeOfDay(String text) {
    try {
      return java.time.LocalTime.parse(text.trim()).toNanoOfDay() / 60e9;
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("not a time of day (e.g. 10:24 or 10:24:30): " + text);
    }
  }

  static boolean bool(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on" -> true;
      case "false", "no", "off" -> false;
      default -> throw new IllegalArgumentException("not true or false: " + text);
    };
  }

  /** Levenshtein distance, for "did you mean" hints. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = Character.toLowerCase(a.charAt(i - 1)) == Character.toLowerCase(b.charAt(j - 1)) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
