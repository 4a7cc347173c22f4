package io.smsim.load;

/**
 * Reads the DUIS response code out of a synchronous answer (the acknowledgement I99, or an error
 * response) with a byte scan for {@code ResponseCode>}, whatever the namespace prefix. The
 * connection already knows which request the answer belongs to, so the hot path need not parse
 * the document; final responses, which must be matched by RequestID, are parsed in full with
 * {@link io.smsim.duis.DuisResponseParser}. A Transform Service answer (I0) carries the GBCS
 * pre-command to sign in {@code PreCommand/GBCSPayload}, found the same way.
 */
final class SyncAnswer {

  private static final byte[] TAG = "ResponseCode>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] PRE_COMMAND = "PreCommand>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] PAYLOAD = "GBCSPayload>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_CODE = 8;

  private SyncAnswer() {
  }

  /** The code ({@code I99}, {@code E19} ...) in {@code a[0, n)}, or {@code null} when it has none. */
  static String code(byte[] a, int n) {
    int at = find(a, 0, n, TAG);
    return at < 0 ? null : read(a, at, n);
  }

  /**
   * The base64 text of {@code PreCommand/GBCSPayload} in {@code a[0, n)}, whatever the namespace
   * prefix, or {@code null} when the answer carries no pre-command.
   */
  static String preCommand(byte[] a, int n) {
    int pre = find(a, 0, n, PRE_COMMAND);
    int at = pre < 0 ? -1 : find(a, pre, n, PAYLOAD);
    if (at < 0) {
      return null;
    }
    int end = at;
    while (end < n && a[end] != '<') {
      end++;
    }
    return end == n || end == at ? null : new String(a, at, end - at, java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The index just after the first {@code tag} in {@code a[from, n)}, or -1. */
  private static int find(byte[] a, int from, int n, byte[] tag) {
    int end = n - tag.length;
    outer:
    for (int i = from; i <= end; i++) {
      if (a[i] != tag[0]) {
        continue;
      }
      for (int j = 1; j < tag.length; j++) {
        if (a[i + j] != tag[j]) {
          continue outer;
        }
      }
      return i + tag.length;
    }
    return -1;
  }

  private static String read(byte[] a, int start, int length) {
    int limit = Math.min(length, start + MAX_CODE + 1);
    int i = start;
    while (i < limit && a[i] != '<') {
      i++;
    }
    int n = i - start;
    if (n < 2 || n > MAX_CODE || i == limit) {
      return null;
    }
    byte first = a[start];
    if (first < 'A' || first > 'Z') {
      return null;
    }
    for (int k = start + 1; k < i; k++) {
      if (a[k] < '0' || a[k] > '9') {
        return null;
      }
    }
    if (n == 3 && first == 'I' && a[start + 1] == '9' && a[start + 2] == '9') {
      return "I99";
    }
    if (n == 2 && first == 'I' && a[start + 1] == '0') {
      return "I0";
    }
    return new String(a, start, n, java.nio.charset.StandardCharsets.US_ASCII);
  }

}
