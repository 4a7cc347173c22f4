package io.smsim.duis;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The GBCS payload of a device alert ({@code DeviceAlertMessage/GBCSPayload}): a General Signing
 * message of message category 3 (alert) whose content is a DLMS Data-Notification carrying the
 * alert code and the time it was raised. Layout (GBCS grouping header as in {@link GbcsPreCommand};
 * the content as Smart DCC's gbcs-parser reads a DLMS alert):
 * <pre>
 *   DF 09 03 CC*8                   general signing; transaction id: category 03 (alert) + alert counter
 *   08 OO*8                         originator system title: the device's EUI-64
 *   08 RR*8                         recipient system title: the Service User's EUI-64
 *   0C date-time                    when the alert was raised (DLMS date-time, UTC)
 *   02 MC MC                        message code: 0x1000 generic critical alert (codes 0x8Fxx),
 *                                   0x1001 generic non-critical alert (others)
 *   LL                              content length
 *   0F II II II II 00               Data-Notification, long-invoke-id-and-priority, no date-time
 *   02 02                           structure of two elements
 *   12 AC AC                        long-unsigned: the GBCS alert code
 *   09 0C date-time                 octet-string: the time stamp
 *   00                              signature length 0
 * </pre>
 * What is simulated: the device does not sign (a critical alert carries the device's signature,
 * which smsim cannot make without the device's key), and the message code is the generic one; the
 * alert code, EUI-64s, counter and time are real.
 *
 * @param alertCode the GBCS alert code, e.g. 0x8F35
 * @param counter the originator counter (unique per device and alert)
 */
public record GbcsAlert(int alertCode, long counter, long device, long recipient, Instant raisedAt) {

  /** Message category of an alert (CRA flag 3). */
  static final int ALERT = 0x03;
  static final int GENERIC_CRITICAL = 0x1000;
  static final int GENERIC_NON_CRITICAL = 0x1001;

  public GbcsAlert {
    Objects.requireNonNull(raisedAt, "raisedAt");
    if (alertCode <= 0 || alertCode > 0xFFFF) {
      throw new IllegalArgumentException("alert code must be in [1, 0xFFFF]: " + alertCode);
    }
    if (counter <= 0) {
      throw new IllegalArgumentException("counter must be positive: " + counter);
    }
  }

  /** The message code of the grouping header: generic critical for 0x8Fxx codes, else non-critical. */
  public int messageCode() {
    return (alertCode & 0xFF00) == 0x8F00 ? GENERIC_CRITICAL : GENERIC_NON_CRITICAL;
  }

  public byte[] encode() {
    byte[] time = GbcsPreCommand.dlmsDateTime(raisedAt);
    ByteArrayOutputStream content = new ByteArrayOutputStream(32);
    content.write(0x0F);
    content.write((int) (counter >>> 24) & 0xFF);
    content.write((int) (counter >>> 16) & 0xFF);
    content.write((int) (counter >>> 8) & 0xFF);
    content.write((int) counter & 0xFF);
    content.write(0x00);
    content.write(0x02);
    content.write(0x02);
    content.write(0x12);
    content.write(alertCode >>> 8);
    content.write(alertCode & 0xFF);
    content.write(0x09);
    content.write(time.length);
    content.writeBytes(time);
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    out.write(GbcsPreCommand.GENERAL_SIGNING);
    out.write(9);
    out.write(ALERT);
    GbcsPreCommand.writeLong(out, counter);
    out.write(8);
    GbcsPreCommand.writeLong(out, device);
    out.write(8);
    GbcsPreCommand.writeLong(out, recipient);
    out.write(12);
    out.writeBytes(time);
    out.write(2);
    out.write(messageCode() >>> 8);
    out.write(messageCode() & 0xFF);
    GbcsPreCommand.writeLength(out, content.size());
    out.writeBytes(content.toByteArray());
    out.write(0); // no signature
    return out.toByteArray();
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(encode());
  }
}
