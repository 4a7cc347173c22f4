package io.smsim.duis;

/**
 * Renders untrusted input for error messages: quoted, at most {@value #MAX_CHARS} characters, control
 * characters escaped, so that a hostile request cannot flood or forge log lines.
 */
final class SafeText {

  static final int MAX_CHARS = 120;

  private SafeText() {
  }

  static String quote(CharSequence text) {
    if (text == null) {
      return "null";
    }
    int n = Math.min(text.length(), MAX_CHARS);
    StringBuilder sb = new StringBuilder(n + 8).append('"');
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
    if (text.length() > MAX_CHARS) {
      sb.append("... (").append(text.length()).append(" chars)");
    }
    return sb.toString();
  }
}
