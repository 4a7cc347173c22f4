package io.smsim.load;

/**
 * Reads the DUIS response code out of a synchronous answer (the acknowledgement I99, or an error
 * response) with a byte scan for {@code ResponseCode>}, whatever the namespace prefix. The
 * connection already knows which request the answer belongs to, so the hot path need not parse
 * the document; final responses, which must be matched by RequestID, are parsed in full with
 * {@link io.smsim.duis.DuisResponseParser}.
 */
final class SyncAnswer {

  private static final byte[] TAG = "ResponseCode>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final int MAX_CODE = 8;

  private SyncAnswer() {
  }

  /** The code ({@code I99}, {@code E19} ...) in {@code a[0, n)}, or {@code null} when it has none. */
  static String code(byte[] a, int n) {
    int end = n - TAG.length;
    outer:
    for (int i = 0; i <= end; i++) {
      if (a[i] != 'R') {
        continue;
      }
      for (int j = 1; j < TAG.length; j++) {
        if (a[i + j] != TAG[j]) {
          continue outer;
        }
      }
      return read(a, i + TAG.length, n);
    }
    return null;
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
