package io.smsim.cli;

import io.smsim.model.Region;
import io.smsim.scenario.DurationGrammar;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters registered for every command ({@link #register}): durations in the
 * scenario's grammar ({@link DurationGrammar}: {@code --duration 1h30m}, {@code --for 90s}), numbers
 * with messages a user reads ("not a whole number", never "not a long"), and regions by their key.
 */
final class Converters {

  private Converters() {
  }

  static void register(CommandLine cli) {
    cli.registerConverter(Duration.class, durations());
    cli.registerConverter(Long.class, Converters::wholeNumber);
    cli.registerConverter(Long.TYPE, Converters::wholeNumber);
    cli.registerConverter(Integer.class, Converters::integer);
    cli.registerConverter(Integer.TYPE, Converters::integer);
    cli.registerConverter(Double.class, Converters::number);
    cli.registerConverter(Double.TYPE, Converters::number);
    cli.registerConverter(Region.class, Converters::region);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
  }

  /** The one duration grammar, as a picocli converter. */
  static ITypeConverter<Duration> durations() {
    return text -> {
      try {
        return Duration.ofNanos(DurationGrammar.nanos(text));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    };
  }

  static long wholeNumber(String text) {
    try {
      return Long.parseLong(text.trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a whole number (e.g. 42): " + text);
    }
  }

  static int integer(String text) {
    long v = wholeNumber(text);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new TypeConversionException("too large: " + text);
    }
    return (int) v;
  }

  static double number(String text) {
    try {
      double v = Double.parseDouble(text.trim().replace("_", ""));
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new TypeConversionException("not a number (e.g. 2.5): " + text);
    }
  }

  static Region region(String text) {
    try {
      return Region.ofKey(text.trim().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new TypeConversionException("must be north, central or south: " + text);
    }
  }
}
