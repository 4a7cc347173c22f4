package io.smsim.load;

import java.util.Locale;

/** Number formats of the load generator's console output and reports. */
final class Format {

  private Format() {
  }

  /** A latency in milliseconds: {@code 0.412 ms}, {@code 41.2 ms}, {@code 3.41 s}; {@code -} for NaN. */
  static String ms(double millis) {
    if (Double.isNaN(millis)) {
      return "-";
    }
    if (millis >= 1000) {
      return String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
    if (millis >= 100) {
      return String.format(Locale.ROOT, "%.0f ms", millis);
    }
    if (millis >= 10) {
      return String.format(Locale.ROOT, "%.1f ms", millis);
    }
    return String.format(Locale.ROOT, "%.2f ms", millis);
  }

  /** Seconds with up to three decimals: {@code 2.5 s}; {@code never} for NaN. */
  static String seconds(double s) {
    if (Double.isNaN(s)) {
      return "never";
    }
    String t = String.format(Locale.ROOT, "%.3f", s).replaceAll("0+$", "").replaceAll("\\.$", "");
    return t + " s";
  }

  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** {@code part / whole} as a percentage with up to three decimals. */
  static String percent(long part, long whole) {
    if (whole == 0) {
      return "-";
    }
    String t = String.format(Locale.ROOT, "%.3f", 100.0 * part / whole).replaceAll("0+$", "").replaceAll("\\.$", "");
    return t + "%";
  }

  /** A number without trailing zeros: {@code 200}, {@code 12.5}. */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return String.format(Locale.ROOT, "%.3f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
  }
}
