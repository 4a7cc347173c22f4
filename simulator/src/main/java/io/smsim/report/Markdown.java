package io.smsim.report;

/**
 * Scenario-supplied text (names, descriptions, file paths, overrides) made inert in the Markdown
 * of {@code incident-review.md}, as CommonMark (and GitHub's tables) read it: as text, each ASCII
 * punctuation character that could open markup mid-line is backslash-escaped (CommonMark 0.31,
 * section 2.4: any ASCII punctuation may be escaped), so no {@code *}, {@code `}, {@code [}, {@code <} or
 * {@code |} of the scenario's starts emphasis, a code span, a link, raw HTML or a table cell; as a
 * code span, the fence is one backtick longer than the longest run of backticks inside (section
 * 6.1). Line breaks and other control characters become spaces in both, so the text stays on its
 * line, its list item or its table row.
 */
final class Markdown {

  /**
   * What can open markup in the middle of a line: escapes, code spans, emphasis, links and images
   * (an image needs its {@code [}), raw HTML and autolinks, table cells, strikethrough, entities.
   * Characters that are markup only at the start of a line ({@code # - + .}) are left alone: the
   * review never starts a line with scenario text.
   */
  private static final String PUNCTUATION = "\\`*_[]<>|~&";

  private Markdown() {
  }

  /** {@code s} as literal inline text. */
  static String text(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        b.append(' ');
      } else if (PUNCTUATION.indexOf(c) >= 0) {
        b.append('\\').append(c);
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  /** {@code s} as a code span (not for table cells: GitHub splits cells at a {@code |} even inside one). */
  static String code(String s) {
    StringBuilder flat = new StringBuilder(s.length());
    int run = 0;
    int longest = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      flat.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = flat.length() > 0 && (flat.charAt(0) == '`' || flat.charAt(flat.length() - 1) == '`'
        || flat.charAt(0) == ' ' && flat.charAt(flat.length() - 1) == ' ');
    return fence + (pad ? " " : "") + flat + (pad ? " " : "") + fence;
  }
}
