package io.smsim.load;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations on the command line: {@code 250ms}, {@code 1.5s}, {@code 90s}, {@code 5m}, {@code 1h}, or ISO-8601 {@code PT30S}. */
public final class Durations {

  private static final Pattern SIMPLE = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");

  private Durations() {
  }

  /**
   * Nanoseconds of {@code text}.
   *
   * @throws IllegalArgumentException naming the option and the value
   */
  public static long parse(String option, String text) {
    String t = text.trim();
    try {
      if (t.startsWith("P") || t.startsWith("p")) {
        return Duration.parse(t).toNanos();
      }
      Matcher m = SIMPLE.matcher(t);
      if (m.matches()) {
        double v = Double.parseDouble(m.group(1));
        double unit = switch (m.group(2)) {
          case "us" -> 1e3;
          case "ms" -> 1e6;
          case "s" -> 1e9;
          case "m" -> 60e9;
          default -> 3600e9;
        };
        return Math.round(v * unit);
      }
    } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
      // fall through to the message
    }
    throw new IllegalArgumentException(option + " must be a duration such as 250ms, 30s, 5m or PT1H: " + text);
  }
}
