package io.smsim.duis;

import java.util.Objects;

/**
 * A DUIS RequestID, {@code originatorEUI64:targetEUI64:counter}, e.g.
 * {@code 90-B3-D5-1F-30-01-00-00:00-DB-12-34-56-78-90-A0:1000}.
 *
 * <p>The originator is the Service User's EUI-64, the target the device's (or the DCC's for
 * non-device requests), and the counter a positive number the user increases per request. A DCC
 * response carries the RequestID unchanged and, for the final response, a ResponseID with originator
 * and target swapped and the same counter (see {@link #responseId()}; public sample
 * ECS52_11.2_SUCCESS_RESPONSE_DUIS.XML).
 *
 * @param originator the Service User's EUI-64
 * @param target the target device's EUI-64
 * @param counter the user's request counter, positive
 */
public record RequestId(long originator, long target, long counter) {

  /** Longest counter text accepted: {@code Long.MAX_VALUE} has 19 digits. */
  static final int MAX_COUNTER_DIGITS = 19;
  private static final int MAX_TEXT_LENGTH = 2 * Eui64.TEXT_LENGTH + 2 + MAX_COUNTER_DIGITS;

  public RequestId {
    if (counter <= 0) {
      throw new IllegalArgumentException("RequestID counter must be positive: " + counter);
    }
  }

  /**
   * Parses {@code originator:target:counter}.
   *
   * @throws IllegalArgumentException naming the part that is wrong, its rule and its value
   */
  public static RequestId parse(CharSequence text) {
    Objects.requireNonNull(text, "RequestID text");
    int n = text.length();
    if (n > MAX_TEXT_LENGTH) {
      throw new IllegalArgumentException("RequestID must be originatorEUI64:targetEUI64:counter, at most "
          + MAX_TEXT_LENGTH + " characters: " + SafeText.quote(text));
    }
    int first = indexOf(text, ':', 0);
    int second = first < 0 ? -1 : indexOf(text, ':', first + 1);
    if (first < 0 || second < 0 || indexOf(text, ':', second + 1) >= 0) {
      throw new IllegalArgumentException(
          "RequestID must have three ':'-separated parts originatorEUI64:targetEUI64:counter: " + SafeText.quote(text));
    }
    long originator = part("originator", text, 0, first);
    long target = part("target", text, first + 1, second);
    long counter = parseCounter(text, second + 1, n);
    return new RequestId(originator, target, counter);
  }

  /** The DUIS text form. */
  public String format() {
    return appendTo(new StringBuilder(MAX_TEXT_LENGTH)).toString();
  }

  /** Appends the DUIS text form to {@code out} and returns {@code out}. */
  public StringBuilder appendTo(StringBuilder out) {
    Eui64.appendTo(out, originator).append(':');
    return Eui64.appendTo(out, target).append(':').append(counter);
  }

  /** The ResponseID the DCC puts on the final response: target and originator swapped, same counter. */
  public RequestId responseId() {
    return new RequestId(target, originator, counter);
  }

  /** The DUIS text form, so logs show what is on the wire. */
  @Override
  public String toString() {
    return format();
  }

  private static long part(String name, CharSequence text, int start, int end) {
    try {
      return Eui64.parse(text, start, end);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("RequestID " + name + ": " + e.getMessage(), e);
    }
  }

  private static long parseCounter(CharSequence text, int start, int end) {
    int digits = end - start;
    if (digits < 1 || digits > MAX_COUNTER_DIGITS) {
      throw badCounter(text, start, end);
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw badCounter(text, start, end);
      }
      int d = c - '0';
      if (value > (Long.MAX_VALUE - d) / 10) {
        throw badCounter(text, start, end);
      }
      value = value * 10 + d;
    }
    if (value == 0) {
      throw badCounter(text, start, end);
    }
    return value;
  }

  private static IllegalArgumentException badCounter(CharSequence text, int start, int end) {
    return new IllegalArgumentException("RequestID counter must be a positive decimal integer below 2^63: "
        + SafeText.quote(text.subSequence(start, end)));
  }

  private static int indexOf(CharSequence text, char c, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
