package io.smsim.duis;

import java.util.Objects;

/**
 * EUI-64 identifiers as DUIS writes them: eight hexadecimal bytes separated by hyphens, most
 * significant first, e.g. {@code 90-B3-D5-1F-30-01-00-00}, held in a {@code long}.
 *
 * <p>DUIS uses EUI-64s for Service Users (the originator in a RequestID) and devices (the target).
 * Parsing is strict, matching the DUIS schema's EUI pattern {@code ([0-9A-F]{2}-){7}[0-9A-F]{2}}:
 * exactly 23 characters, upper-case hex digits only. Formatting always writes upper case. The
 * methods allocate nothing but their result, for the request hot path.
 */
public final class Eui64 {

  /** Length of the DUIS text form: 8 pairs of hex digits and 7 hyphens. */
  public static final int TEXT_LENGTH = 23;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Eui64() {
  }

  /**
   * Parses the DUIS text form.
   *
   * @throws IllegalArgumentException with the rule and the (quoted, truncated) value when invalid
   */
  public static long parse(CharSequence text) {
    Objects.requireNonNull(text, "EUI-64 text");
    return parse(text, 0, text.length());
  }

  /** Parses {@code text[start, end)}; lets RequestId parse its parts without copying them. */
  static long parse(CharSequence text, int start, int end) {
    if (end - start != TEXT_LENGTH) {
      throw invalid("must be 8 hex bytes separated by '-' (23 characters, e.g. 90-B3-D5-1F-30-01-00-00)",
          text, start, end);
    }
    long value = 0;
    for (int i = 0; i < 8; i++) {
      int p = start + i * 3;
      if (i > 0 && text.charAt(p - 1) != '-') {
        throw invalid("bytes must be separated by '-'", text, start, end);
      }
      int hi = hexValue(text.charAt(p));
      int lo = hexValue(text.charAt(p + 1));
      if (hi < 0 || lo < 0) {
        throw invalid("must use upper-case hex digits 0-9, A-F", text, start, end);
      }
      value = (value << 8) | (hi << 4) | lo;
    }
    return value;
  }

  /** Whether {@code text} is a valid DUIS EUI-64. */
  public static boolean isValid(CharSequence text) {
    if (text == null || text.length() != TEXT_LENGTH) {
      return false;
    }
    for (int i = 0; i < TEXT_LENGTH; i++) {
      char c = text.charAt(i);
      boolean ok = i % 3 == 2 ? c == '-' : hexValue(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The DUIS text form, upper case, e.g. {@code 00-DB-12-34-56-78-90-A0}. */
  public static String format(long eui64) {
    return appendTo(new StringBuilder(TEXT_LENGTH), eui64).toString();
  }

  /** Appends the DUIS text form to {@code out} and returns {@code out}. */
  public static StringBuilder appendTo(StringBuilder out, long eui64) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      int b = (int) (eui64 >>> shift) & 0xff;
      out.append(HEX[b >>> 4]).append(HEX[b & 0xf]);
      if (shift > 0) {
        out.append('-');
      }
    }
    return out;
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static IllegalArgumentException invalid(String rule, CharSequence text, int start, int end) {
    return new IllegalArgumentException("EUI-64 " + rule + ": " + SafeText.quote(text.subSequence(start, end)));
  }
}
