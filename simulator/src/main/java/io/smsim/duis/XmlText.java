package io.smsim.duis;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Writing DUIS XML by hand: escaping, timestamps and the fixed fragments both builders share. */
final class XmlText {

  static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  private XmlText() {
  }

  /** Appends {@code <sr:name>escaped text</sr:name>}. */
  static void element(StringBuilder out, String name, CharSequence text) {
    out.append("<sr:").append(name).append('>');
    escape(out, text);
    out.append("</sr:").append(name).append('>');
  }

  /**
   * Appends {@code text} escaped for element content and attribute values.
   *
   * @throws IllegalArgumentException for characters XML 1.0 cannot carry (controls, lone surrogates)
   */
  static void escape(StringBuilder out, CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&apos;");
        default -> {
          if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
            throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " cannot appear in XML: "
                + SafeText.quote(text));
          }
          if (Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
              out.append(c).append(text.charAt(++i));
              continue;
            }
            throw new IllegalArgumentException("lone surrogate cannot appear in XML: " + SafeText.quote(text));
          }
          out.append(c);
        }
      }
    }
  }

  /** Appends a DUIS ResponseDateTime: UTC, millisecond precision, e.g. {@code 2022-08-12T06:43:49.844Z}. */
  static void dateTime(StringBuilder out, Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
    int year = d.getYear();
    if (year < 0 || year > 9999) {
      throw new IllegalArgumentException("ResponseDateTime year must be in [0,9999]: " + t);
    }
    pad(out, year, 4).append('-');
    pad(out, d.getMonthValue(), 2).append('-');
    pad(out, d.getDayOfMonth(), 2).append('T');
    pad(out, d.getHour(), 2).append(':');
    pad(out, d.getMinute(), 2).append(':');
    pad(out, d.getSecond(), 2).append('.');
    pad(out, d.getNano() / 1_000_000, 3).append('Z');
  }

  private static StringBuilder pad(StringBuilder out, int value, int width) {
    for (int limit = 10, i = 1; i < width; i++, limit *= 10) {
      if (value < limit) {
        out.append('0');
      }
    }
    return out.append(value);
  }
}
