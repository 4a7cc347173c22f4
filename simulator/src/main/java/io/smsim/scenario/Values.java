package io.smsim.scenario;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsers for scenario scalars. Each throws {@link IllegalArgumentException} with a message of
 * the form "rule: value" that the binder places after the field path.
 */
final class Values {

  private static final Pattern DURATION_PART =
      Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
  private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d[\\d_]*)(\\.\\d+)?([eE][-+]?\\d+)?");

  private Values() {
  }

  /** {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 250ms}, {@code 2d}, {@code 0}, or ISO-8601 {@code PT15M}. */
  static long durationNanos(String text) {
    String s = text.trim();
    if (s.equals("0")) {
      return 0;
    }
    if (s.startsWith("P") || s.startsWith("p")) {
      long nanos;
      try {
        nanos = Duration.parse(s).toNanos();
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("not an ISO-8601 duration: " + text);
      } catch (ArithmeticException e) {
        nanos = Long.MAX_VALUE;
      }
      if (nanos > RunBounds.MAX_SPAN_NANOS || nanos < 0) {
        throw new IllegalArgumentException(nanos < 0 ? "must not be negative: " + text : "must be at most "
            + RunBounds.MAX_SPAN_YEARS + " years (the virtual clock's range): " + text);
      }
      return nanos;
    }
    if (s.matches("[-+]?\\d+(\\.\\d+)?")) {
      throw new IllegalArgumentException("a duration needs a unit (ms, s, m, h, d), e.g. 90s: " + text);
    }
    Matcher m = DURATION_PART.matcher(s);
    int pos = 0;
    double nanos = 0;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("not a duration (e.g. 250ms, 90s, 15m, 1h30m, 2d): " + text);
      }
      double v = Double.parseDouble(m.group(1));
      nanos += v * unitNanos(m.group(2));
      pos = m.end();
    }
    if (nanos > RunBounds.MAX_SPAN_NANOS) {
      throw new IllegalArgumentException("must be at most " + RunBounds.MAX_SPAN_YEARS + " years (the virtual "
          + "clock's range): " + text);
    }
    return Math.round(nanos);
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

  private static double unitNanos(String unit) {
    return switch (unit) {
      case "ns" -> 1;
      case "us", "µs" -> 1e3;
      case "ms" -> 1e6;
      case "s" -> 1e9;
      case "m" -> 60e9;
      case "h" -> 3600e9;
      case "d" -> 86400e9;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
  }

  /** A number; underscores allowed as digit separators ({@code 30_000}); a trailing % divides by 100. */
  static double number(String text) {
    String s = text.trim();
    double scale = 1;
    if (s.endsWith("%")) {
      s = s.substring(0, s.length() - 1).trim();
      scale = 0.01;
    }
    if (!NUMBER.matcher(s).matches()) {
      throw new IllegalArgumentException("not a number: " + text);
    }
    return Double.parseDouble(s.replace("_", "")) * scale;
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
