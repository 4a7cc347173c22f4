package io.smsim.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.Endpoint;
import io.smsim.duis.Eui64;
import io.smsim.duis.RequestId;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.model.Srv;
import io.smsim.model.SrvCatalogue;
import java.nio.charset.StandardCharsets;

/**
 * Turns a chosen SRV, target and counter into the bytes of an HTTP/1.1 POST of a DUIS request
 * built by the project's own {@link DuisRequestBuilder} (the SRV's default command variant, sent to
 * that variant's endpoint), head and body in one pooled buffer.
 *
 * <p>Everything in a request but the RequestID's target and counter is the same for every request
 * of an SRV, so each SRV's request is built once by the builder with a marker RequestID and cut
 * into the bytes before the target and the bytes after the counter; a request is then those bytes
 * around the target's EUI-64 and the counter written in ASCII, after a head whose only variable is
 * the Content-Length. {@code RequestEncoderTest} checks the result is byte for byte what the builder
 * writes. One per worker: not thread-safe. The request text is ASCII (EUI-64s, digits, element names).
 *
 * <p>With a signer ({@code --sign-key}), each request is assembled the same way and then signed by
 * {@link DuisSigner} (the JDK's XML signature API: a DOM parse, the digest, ECDSA), which appends its
 * {@code ds:Signature}; this costs far more than the assembly and sets the generator's top rate.
 *
 * <p>A critical SRV's request is its transform (command variant 4, to the Transform Service); its
 * second step, the signed pre-command (command variant 5, to the Send Command Service), differs in
 * its payload every time and is built whole by the builder ({@link #encodeSignedPreCommand}), then
 * signed like any request.
 */
final class RequestEncoder {

  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final long MARKER_TARGET = 0x0123_4567_89AB_CDEFL;
  private static final long MARKER_COUNTER = 987_654_321_987_654_321L;
  private static final byte[] CRLF2 = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
  /** DUIS command variant of a signed pre-command sent to the device over the SM WAN. */
  private static final int SIGNED_PRE_COMMAND = 5;

  private final byte[][] before = new byte[CATALOGUE.size()][];
  private final byte[][] after = new byte[CATALOGUE.size()][];
  private final byte[][] head = new byte[CATALOGUE.size()][];
  private final byte[] digits = new byte[20];
  private final DuisSigner signer;
  private final DuisRequestBuilder builder = DuisRequestBuilder.create(CATALOGUE);
  private final long originator;
  private final byte[] signedPreCommandHead;

  RequestEncoder(LoadOptions options) {
    this.signer = options.signatures().signer();
    this.originator = options.originator();
    RequestId marker = new RequestId(options.originator(), MARKER_TARGET, MARKER_COUNTER);
    String id = marker.format();
    String targetAndCounter = id.substring(id.indexOf(':') + 1);
    for (int i = 0; i < CATALOGUE.size(); i++) {
      Srv srv = CATALOGUE.get(i);
      String text = new String(builder.build(srv, marker), StandardCharsets.UTF_8);
      int at = text.indexOf(targetAndCounter);
      if (at < 0 || text.indexOf(targetAndCounter, at + 1) >= 0 || !isAscii(text)) {
        throw new IllegalStateException("cannot make a request template for SRV " + srv.variant());
      }
      before[i] = text.substring(0, at).getBytes(StandardCharsets.US_ASCII);
      after[i] = text.substring(at + targetAndCounter.length()).getBytes(StandardCharsets.US_ASCII);
      String path = options.pathPrefix() + Endpoint.forCommandVariant(srv.defaultCommandVariant()).path();
      head[i] = ("POST " + path + " HTTP/1.1\r\nHost: " + options.target().getHost() + ":" + options.port()
          + "\r\nContent-Type: application/xml\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }
    signedPreCommandHead = ("POST " + options.pathPrefix() + Endpoint.forCommandVariant(SIGNED_PRE_COMMAND).path()
        + " HTTP/1.1\r\nHost: " + options.target().getHost() + ":" + options.port()
        + "\r\nContent-Type: application/xml\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The signed pre-command (command variant 5) of critical request {@code counter} to {@code target}:
   * {@code signedBase64} is the user's signed GBCS pre-command, in base64.
   */
  ByteBuf encodeSignedPreCommand(ByteBufAllocator alloc, int srvIndex, long target, long counter,
      String signedBase64) {
    byte[] body = builder.buildSignedPreCommand(CATALOGUE.get(srvIndex), new RequestId(originator, target, counter),
        SIGNED_PRE_COMMAND, signedBase64);
    if (signer != null) {
      body = signer.sign(body);
    }
    ByteBuf out = alloc.buffer(signedPreCommandHead.length + 8 + CRLF2.length + body.length);
    out.writeBytes(signedPreCommandHead);
    int m = decimal(body.length);
    return out.writeBytes(digits, digits.length - m, m).writeBytes(CRLF2).writeBytes(body);
  }

  /** Whether requests are signed. */
  boolean signs() {
    return signer != null;
  }

  /** The whole request: head, then the body. */
  ByteBuf encode(ByteBufAllocator alloc, int srvIndex, long target, long counter) {
    if (signer != null) {
      return encodeSigned(alloc, srvIndex, target, counter);
    }
    byte[] open = before[srvIndex];
    byte[] close = after[srvIndex];
    int bodyLength = open.length + Eui64.TEXT_LENGTH + 1 + decimal(counter) + close.length;
    ByteBuf out = alloc.buffer(head[srvIndex].length + 8 + CRLF2.length + bodyLength);
    out.writeBytes(head[srvIndex]);
    int m = decimal(bodyLength);
    out.writeBytes(digits, digits.length - m, m).writeBytes(CRLF2);
    int n = decimal(counter); // again: the length's digits took the scratch
    out.writeBytes(open);
    eui64(out, target);
    out.writeByte(':').writeBytes(digits, digits.length - n, n).writeBytes(close);
    return out;
  }

  private ByteBuf encodeSigned(ByteBufAllocator alloc, int srvIndex, long target, long counter) {
    byte[] open = before[srvIndex];
    byte[] close = after[srvIndex];
    int n = decimal(counter);
    byte[] unsigned = new byte[open.length + Eui64.TEXT_LENGTH + 1 + n + close.length];
    System.arraycopy(open, 0, unsigned, 0, open.length);
    int at = open.length;
    for (int shift = 56; shift >= 0; shift -= 8) {
      int b = (int) (target >>> shift) & 0xff;
      unsigned[at++] = HEX[b >>> 4];
      unsigned[at++] = HEX[b & 0xf];
      if (shift > 0) {
        unsigned[at++] = '-';
      }
    }
    unsigned[at++] = ':';
    System.arraycopy(digits, digits.length - n, unsigned, at, n);
    System.arraycopy(close, 0, unsigned, at + n, close.length);
    byte[] body = signer.sign(unsigned);
    ByteBuf out = alloc.buffer(head[srvIndex].length + 8 + CRLF2.length + body.length);
    out.writeBytes(head[srvIndex]);
    int m = decimal(body.length);
    return out.writeBytes(digits, digits.length - m, m).writeBytes(CRLF2).writeBytes(body);
  }

  private static void eui64(ByteBuf out, long eui64) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      int b = (int) (eui64 >>> shift) & 0xff;
      out.writeByte(HEX[b >>> 4]).writeByte(HEX[b & 0xf]);
      if (shift > 0) {
        out.writeByte('-');
      }
    }
  }

  /** Writes {@code v} (positive) right-aligned into {@link #digits}; returns the number of digits. */
  private int decimal(long v) {
    int i = digits.length;
    do {
      digits[--i] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v > 0);
    return digits.length - i;
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }
}
