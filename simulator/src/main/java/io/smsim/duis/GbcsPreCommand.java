package io.smsim.duis;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;

/**
 * The GBCS pre-command the Transform Service returns for a critical request (DUIS command variant
 * 4), and the signed pre-command a Service User sends back (command variant 5).
 *
 * <p>A pre-command is a GBCS General Signing message without its signature. Layout (GBCS, the
 * "grouping header" of a General Signing APDU, as DCC Boxed returns it and Smart DCC's gbcs-parser
 * reads it):
 * <pre>
 *   DF                      general-signing tag
 *   09 01 CC CC CC CC CC CC CC CC   transaction id: message category 01 (command) + originator counter
 *   08 OO OO OO OO OO OO OO OO      originator system title: the Service User's EUI-64
 *   08 RR RR RR RR RR RR RR RR      recipient system title: the target device's EUI-64
 *   0C YY YY MM DD WD hh mm ss cc DD DD ST   date-time (DLMS date-time, UTC: deviation 0, status 0)
 *   02 MC MC                        other information: the GBCS message code of the use case
 *   LL                              content length (BER: 1 byte below 128, else 81/82/83 + bytes)
 *   ...                             content
 * </pre>
 * The signed pre-command is the pre-command followed by the signature's length, 0x40, and the 64-byte
 * ECDSA P-256 signature (r || s) the user computed with SHA-256 over every byte of the pre-command
 * after the DF tag. That is what DCC Boxed's own client does (gbcs-parser {@code signGroupingHeader}):
 * DCC Boxed's pre-commands carry no empty signature-length byte for the client to replace, so the
 * length and signature are appended.
 *
 * <p>What is real and what is simulated: the grouping header is real GBCS (category, the DUIS
 * RequestID's counter as originator counter, the EUI-64s, the date-time of the transform and the
 * message code of the SRV's use case on the target's device type, {@link GbcsUseCases}). The content
 * is simulated: smsim does not encode the use case's DLMS, ZigBee or ASN.1 command; it carries 32
 * bytes, the SHA-256 of the RequestID, the SRV and the body element, which bind the pre-command to
 * the request it came from. A device would not understand it; a client signs it like any other.
 */
public record GbcsPreCommand(long originatorCounter, long originator, long recipient, Instant dateTime,
    int messageCode, byte[] content) {

  /** General Signing APDU tag. */
  static final int GENERAL_SIGNING = 0xDF;
  /** Message category of a command (CRA flag 1). */
  static final int COMMAND = 0x01;
  /** Length of an ECDSA P-256 signature, r || s. */
  public static final int SIGNATURE_LENGTH = 64;
  /** End of the recipient system title in an encoded pre-command (tag, transaction id, two titles). */
  private static final int RECIPIENT_END = 29;

  public GbcsPreCommand {
    Objects.requireNonNull(dateTime, "dateTime");
    Objects.requireNonNull(content, "content");
    content = content.clone();
    if (originatorCounter <= 0) {
      throw new IllegalArgumentException("originator counter must be positive: " + originatorCounter);
    }
    if (messageCode <= 0 || messageCode > 0xFFFF) {
      throw new IllegalArgumentException("message code must be in [1, 0xFFFF]: " + messageCode);
    }
    if (content.length > 0xFF_FFFF) {
      throw new IllegalArgumentException("content longer than 3 length bytes allow: " + content.length);
    }
  }

  /** The pre-command for a critical request with message code {@code messageCode}, made at {@code now}. */
  public static GbcsPreCommand forRequest(DuisRequest request, int messageCode, Instant now) {
    RequestId id = request.requestId();
    return new GbcsPreCommand(id.counter(), id.originator(), id.target(), now, messageCode,
        simulatedContent(request));
  }

  @Override
  public byte[] content() {
    return content.clone();
  }

  /** The pre-command's bytes, as returned in {@code PreCommand/GBCSPayload}. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + content.length);
    out.write(GENERAL_SIGNING);
    out.write(9);
    out.write(COMMAND);
    writeLong(out, originatorCounter);
    out.write(8);
    writeLong(out, originator);
    out.write(8);
    writeLong(out, recipient);
    out.write(12);
    out.writeBytes(dlmsDateTime(dateTime));
    out.write(2);
    out.write(messageCode >>> 8);
    out.write(messageCode & 0xFF);
    writeLength(out, content.length);
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** {@link #encode()} in base64, as in {@code PreCommand/GBCSPayload}. */
  public String base64() {
    return Base64.getEncoder().encodeToString(encode());
  }

  /** What a client signs: every byte of {@code preCommand} after the DF tag (DCC Boxed's client). */
  public static byte[] signedPart(byte[] preCommand) {
    return Arrays.copyOfRange(preCommand, 1, preCommand.length);
  }

  /** A signed pre-command: {@code preCommand}, the signature's length and the 64-byte signature. */
  public static byte[] sign(byte[] preCommand, byte[] signature) {
    if (signature.length != SIGNATURE_LENGTH) {
      throw new IllegalArgumentException("signature must be r || s, 64 bytes: " + signature.length);
    }
    byte[] out = Arrays.copyOf(preCommand, preCommand.length + 1 + SIGNATURE_LENGTH);
    out[preCommand.length] = SIGNATURE_LENGTH;
    System.arraycopy(signature, 0, out, preCommand.length + 1, SIGNATURE_LENGTH);
    return out;
  }

  /**
   * The signature of {@code signed} if it is exactly {@code preCommand} followed by a 64-byte signature
   * with its length; empty when the pre-command part differs in any byte or the tail is not a signature.
   */
  public static Optional<byte[]> signatureOf(byte[] signed, byte[] preCommand) {
    if (signed.length != preCommand.length + 1 + SIGNATURE_LENGTH || signed[preCommand.length] != SIGNATURE_LENGTH
        || !Arrays.equals(signed, 0, preCommand.length, preCommand, 0, preCommand.length)) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(signed, preCommand.length + 1, signed.length));
  }

  /**
   * Why {@code preCommand} is not a pre-command for request {@code id}, or empty when it is: a
   * General Signing command (tag, transaction id of category command) whose originator counter,
   * originator and recipient system titles are the RequestID's counter, originator and target.
   */
  public static Optional<String> headerMismatch(byte[] preCommand, RequestId id) {
    if (preCommand.length < RECIPIENT_END + 1 + 12 || (preCommand[0] & 0xFF) != GENERAL_SIGNING
        || preCommand[1] != 9 || preCommand[2] != COMMAND || preCommand[11] != 8 || preCommand[20] != 8) {
      return Optional.of("not a GBCS General Signing command");
    }
    if (readLong(preCommand, 3) != id.counter()) {
      return Optional.of("originator counter " + Long.toUnsignedString(readLong(preCommand, 3)) + " is not the "
          + "RequestID's " + id.counter());
    }
    if (readLong(preCommand, 12) != id.originator()) {
      return Optional.of("originator " + Eui64.format(readLong(preCommand, 12)) + " is not the RequestID's "
          + Eui64.format(id.originator()));
    }
    if (readLong(preCommand, 21) != id.target()) {
      return Optional.of("recipient " + Eui64.format(readLong(preCommand, 21)) + " is not the RequestID's "
          + Eui64.format(id.target()));
    }
    return Optional.empty();
  }

  private static long readLong(byte[] a, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = v << 8 | (a[at + i] & 0xFF);
    }
    return v;
  }

  private static byte[] simulatedContent(DuisRequest request) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(request.requestId().format().getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      sha.update(request.serviceReferenceVariant().getBytes(StandardCharsets.US_ASCII));
      sha.update((byte) 0);
      sha.update(request.bodyElement().getBytes(StandardCharsets.UTF_8));
      return sha.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JDK", e);
    }
  }

  /** A DLMS/COSEM date-time (12 bytes) in UTC: deviation 0, clock status 0. */
  static byte[] dlmsDateTime(Instant t) {
    LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), t.getNano(), ZoneOffset.UTC);
    return new byte[] {(byte) (d.getYear() >>> 8), (byte) d.getYear(), (byte) d.getMonthValue(),
        (byte) d.getDayOfMonth(), (byte) d.getDayOfWeek().getValue(), (byte) d.getHour(), (byte) d.getMinute(),
        (byte) d.getSecond(), (byte) (d.getNano() / 10_000_000), 0, 0, 0};
  }

  private static void writeLong(ByteArrayOutputStream out, long v) {
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.write((int) (v >>> shift) & 0xFF);
    }
  }

  private static void writeLength(ByteArrayOutputStream out, int n) {
    if (n < 0x80) {
      out.write(n);
    } else if (n <= 0xFF) {
      out.write(0x81);
      out.write(n);
    } else if (n <= 0xFFFF) {
      out.write(0x82);
      out.write(n >>> 8);
      out.write(n & 0xFF);
    } else {
      out.write(0x83);
      out.write(n >>> 16);
      out.write((n >>> 8) & 0xFF);
      out.write(n & 0xFF);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GbcsPreCommand p && p.originatorCounter == originatorCounter && p.originator == originator
        && p.recipient == recipient && p.dateTime.equals(dateTime) && p.messageCode == messageCode
        && Arrays.equals(p.content, content);
  }

  @Override
  public int hashCode() {
    return Objects.hash(originatorCounter, originator, recipient, dateTime, messageCode, Arrays.hashCode(content));
  }

  @Override
  public String toString() {
    return "GbcsPreCommand[counter=" + originatorCounter + ", originator=" + Eui64.format(originator) + ", recipient="
        + Eui64.format(recipient) + ", dateTime=" + dateTime + ", messageCode=" + String.format("0x%04X", messageCode)
        + ", content=" + content.length + " bytes]";
  }
}
