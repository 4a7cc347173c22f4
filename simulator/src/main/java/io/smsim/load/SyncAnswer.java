package io.smsim.load;

import io.netty.buffer.ByteBuf;

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

  /** The code ({@code I99}, {@code E19} ...), or {@code null} when the body has none. */
  static String code(ByteBuf body) {
    int from = body.readerIndex();
    int end = body.writerIndex() - TAG.length;
    outer:
    for (int i = from; i <= end; i++) {
      for (int j = 0; j < TAG.length; j++) {
        if (body.getByte(i + j) != TAG[j]) {
          continue outer;
        }
      }
      return read(body, i + TAG.length);
    }
    return null;
  }

  private static String read(ByteBuf body, int start) {
    int limit = Math.min(body.writerIndex(), start + MAX_CODE + 1);
    int i = start;
    while (i < limit && body.getByte(i) != '<') {
      i++;
    }
    int n = i - start;
    if (n < 2 || n > MAX_CODE || i == limit) {
      return null;
    }
    byte first = body.getByte(start);
    if (first < 'A' || first > 'Z') {
      return null;
    }
    for (int k = start + 1; k < i; k++) {
      byte b = body.getByte(k);
      if (b < '0' || b > '9') {
        return null;
      }
    }
    if (n == 3 && first == 'I' && body.getByte(start + 1) == '9' && body.getByte(start + 2) == '9') {
      return "I99";
    }
    if (n == 2 && first == 'I' && body.getByte(start + 1) == '0') {
      return "I0";
    }
    return body.toString(start, n, java.nio.charset.StandardCharsets.US_ASCII);
  }
}
