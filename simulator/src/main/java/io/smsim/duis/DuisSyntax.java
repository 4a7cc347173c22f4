package io.smsim.duis;

/** Lexical checks of DUIS header values that have no richer type in smsim. */
final class DuisSyntax {

  private static final int MAX_REFERENCE_CHARS = 16;

  private DuisSyntax() {
  }

  /** Service references and variants: two or three dot-separated numbers, e.g. {@code 8.1} or {@code 8.1.1}. */
  static boolean isReference(String s) {
    if (s.isEmpty() || s.length() > MAX_REFERENCE_CHARS) {
      return false;
    }
    int parts = 1;
    boolean digitSeen = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digitSeen = true;
      } else if (c == '.' && digitSeen) {
        parts++;
        digitSeen = false;
      } else {
        return false;
      }
    }
    return digitSeen && parts >= 2 && parts <= 3;
  }

  static String checkReference(String field, String value) throws DuisRejectedException {
    if (!isReference(value)) {
      throw new DuisRejectedException(RejectReason.BAD_FIELD, field + " " + SafeText.quote(value));
    }
    return value;
  }

  /** The reference an SRV belongs to by its numbering: {@code 6.20.1 -> 6.20}, {@code 11.2 -> 11.2}. */
  static String referenceOf(String serviceReferenceVariant) {
    int first = serviceReferenceVariant.indexOf('.');
    int second = first < 0 ? -1 : serviceReferenceVariant.indexOf('.', first + 1);
    return second < 0 ? serviceReferenceVariant : serviceReferenceVariant.substring(0, second);
  }

  /** Schema versions such as {@code 5.4}: digits and dots, at most 16 characters. */
  static boolean isSchemaVersion(String s) {
    if (s.isEmpty() || s.length() > MAX_REFERENCE_CHARS || s.charAt(0) == '.' || s.charAt(s.length() - 1) == '.') {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9') && c != '.') {
        return false;
      }
    }
    return true;
  }
}
