package io.smsim.scenario;

import java.time.DateTimeException;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one duration grammar of smsim: scenario values ({@code interval: 15m}) and every command-line
 * option ({@code load --duration 1h30m}, {@code serve --for 90s}) read durations here. A duration is
 * {@code 0}, ISO-8601 ({@code PT1H30M}), or one or more parts of a number and a unit, largest
 * first or not: {@code 250ms}, {@code 1.5s}, {@code 90s}, {@code 15m}, {@code 1h30m}, {@code 2d};
 * units {@code ns}, {@code us} (or {@code µs}), {@code ms}, {@code s}, {@code m}, {@code h}, {@code d};
 * never negative, and at most {@link RunBounds#MAX_SPAN_YEARS} years (the virtual clock's range).
 */
public final class DurationGrammar {

  /** Shown in messages. */
  public static final String EXAMPLES = "250ms, 90s, 15m, 1h30m, 2d";

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h|d)");
  private static final Pattern BARE_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

  private DurationGrammar() {
  }

  /**
   * Nanoseconds of {@code text}.
   *
   * @throws IllegalArgumentException "rule: value", e.g. {@code not a duration (e.g. ...): 5x}
   */
  public static long nanos(String text) {
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
    if (BARE_NUMBER.matcher(s).matches()) {
      throw new IllegalArgumentException("a duration needs a unit (ms, s, m, h, d), e.g. 90s: " + text);
    }
    Matcher m = PART.matcher(s);
    int pos = 0;
    double nanos = 0;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("not a duration (e.g. " + EXAMPLES + "): " + text);
      }
      nanos += Double.parseDouble(m.group(1)) * unitNanos(m.group(2));
      pos = m.end();
    }
    if (s.isEmpty()) {
      throw new IllegalArgumentException("not a duration (e.g. " + EXAMPLES + "): " + text);
    }
    if (nanos > RunBounds.MAX_SPAN_NANOS) {
      throw new IllegalArgumentException("must be at most " + RunBounds.MAX_SPAN_YEARS + " years (the virtual "
          + "clock's range): " + text);
    }
    return Math.round(nanos);
  }

  /** {@code nanos} in this grammar, compactly: {@code 300ms}, {@code 90s} as {@code 1m30s}, {@code 1h30m}, {@code 2d}. */
  public static String format(long nanos) {
    if (nanos == 0) {
      return "0";
    }
    if (nanos < 0) {
      return "-" + format(-nanos);
    }
    long second = 1_000_000_000L;
    if (nanos % second != 0) {
      if (nanos < second && nanos % 1_000_000 == 0) {
        return nanos / 1_000_000 + "ms";
      }
      return java.math.BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }
    long s = nanos / second;
    StringBuilder b = new StringBuilder();
    long[] sizes = {86_400, 3_600, 60, 1};
    String[] units = {"d", "h", "m", "s"};
    for (int i = 0; i < sizes.length; i++) {
      if (s >= sizes[i]) {
        b.append(s / sizes[i]).append(units[i]);
        s %= sizes[i];
      }
    }
    return b.toString();
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
}
