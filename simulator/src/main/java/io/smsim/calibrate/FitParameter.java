package io.smsim.calibrate;

import io.smsim.analysis.Numbers;
import io.smsim.scenario.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Objects;

/**
 * One setting {@code smsim calibrate} fits, written {@code --fit PATH=LOW..HIGH} with the paths of
 * {@code --set} and the scenario's scalars as bounds: numbers ({@code faults[0].probability=5%..20%})
 * or durations ({@code regions.north.monitoring.reportDelay=5m..25m}). The optimiser works on
 * x ∈ [0, 1], value = low + x·(high − low).
 *
 * @param low the lower bound, in the setting's unit (nanoseconds for a duration)
 * @param high the upper bound
 * @param duration whether the setting is a duration (written back as seconds, {@code 807.3s})
 */
public record FitParameter(String path, double low, double high, boolean duration) {

  private static final MathContext WRITTEN = new MathContext(4);

  public FitParameter {
    Objects.requireNonNull(path, "path");
    if (!(low < high) || !Double.isFinite(low) || !Double.isFinite(high)) {
      throw new IllegalArgumentException("--fit " + path + ": the range must be LOW..HIGH with LOW < HIGH");
    }
  }

  /** Parses {@code PATH=LOW..HIGH}; the message says what is wrong. */
  public static FitParameter parse(String text) {
    int eq = text.indexOf('=');
    int dots = text.indexOf("..", Math.max(eq, 0));
    if (eq <= 0 || dots < 0) {
      throw new IllegalArgumentException("expected --fit PATH=LOW..HIGH, e.g. faults[0].probability=0.02..0.2 or "
          + "regions.north.monitoring.reportDelay=5m..25m: " + text);
    }
    String path = text.substring(0, eq).trim();
    String lowText = text.substring(eq + 1, dots).trim();
    String highText = text.substring(dots + 2).trim();
    Double lowD = durationSeconds(lowText);
    Double highD = durationSeconds(highText);
    if (lowD != null && highD != null) {
      return checked(path, lowD * 1e9, highD * 1e9, true, text);
    }
    try {
      return checked(path, Values.number(lowText), Values.number(highText), false, text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--fit " + text + ": the bounds must both be numbers (0.05, 5%) or both "
          + "durations (5m, 90s): " + e.getMessage());
    }
  }

  private static FitParameter checked(String path, double low, double high, boolean duration, String text) {
    if (!(low < high)) {
      throw new IllegalArgumentException("--fit " + text + ": LOW must be less than HIGH");
    }
    return new FitParameter(path, low, high, duration);
  }

  /** Seconds of a duration with a unit, or null when the text is not one. */
  private static Double durationSeconds(String text) {
    try {
      return text.trim().equals("0") ? null : Values.durationNanos(text) / 1e9;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The setting's value at x ∈ [0, 1]. */
  public double value(double x) {
    return low + Math.min(1, Math.max(0, x)) * (high - low);
  }

  /** x ∈ [0, 1] of a value, clamped. */
  public double position(double value) {
    return Math.min(1, Math.max(0, (value - low) / (high - low)));
  }

  /** The value as the scenario writes it: a number, or seconds with their unit. */
  public String text(double value) {
    return duration ? Numbers.plain(value / 1e9) + "s" : Numbers.plain(value);
  }

  /** The value rounded to four significant digits: what the calibrated scenario holds. */
  public double rounded(double value) {
    if (value == 0) {
      return 0;
    }
    double unit = duration ? 1e9 : 1;
    return new BigDecimal(value / unit).round(WRITTEN).doubleValue() * unit;
  }

  /** {@code path=value}, an override as {@code --set} takes it. */
  public String override(double value) {
    return path + "=" + text(value);
  }

  /** The value for people: {@code 0.1123}, {@code 13m27s}. */
  public String human(double value) {
    if (!duration) {
      return value == 0 ? "0" : new BigDecimal(value).round(WRITTEN).stripTrailingZeros().toPlainString();
    }
    long s = Math.round(value / 1e9);
    if (Math.abs(value / 1e9) < 60) {
      return Numbers.human(value / 1e9) + "s";
    }
    StringBuilder b = new StringBuilder();
    if (s >= 3600) {
      b.append(s / 3600).append('h');
    }
    if (s % 3600 >= 60) {
      b.append(s % 3600 / 60).append('m');
    }
    if (s % 60 != 0) {
      b.append(s % 60).append('s');
    }
    return b.toString();
  }
}
