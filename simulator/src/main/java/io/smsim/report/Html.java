package io.smsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Minimal HTML building shared by every report page (replay, compare, sweep, load): escaping for
 * text and attribute values, one-pass template filling and class-path resources.
 */
public final class Html {

  private static final Pattern SLOT = Pattern.compile("\\{\\{(\\w+)}}");

  private Html() {
  }

  /** Escapes {@code & < > " '}; {@code null} becomes the empty string. */
  public static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /**
   * Replaces each {@code {{name}}} of the template in one pass, so inserted text is never rescanned.
   *
   * @throws IllegalArgumentException for a slot the map has no value for
   */
  public static String fill(String template, Map<String, String> slots) {
    Matcher m = SLOT.matcher(template);
    StringBuilder out = new StringBuilder(template.length() + (1 << 20));
    int last = 0;
    while (m.find()) {
      String value = slots.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException("template slot without a value: " + m.group());
      }
      out.append(template, last, m.start()).append(value);
      last = m.end();
    }
    return out.append(template, last, template.length()).toString();
  }

  /** A UTF-8 text resource next to {@code anchor}'s class file. */
  public static String resource(Class<?> anchor, String name) {
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + anchor.getPackageName().replace('.', '/') + "/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
