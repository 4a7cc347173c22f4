package io.smsim.model;

import java.util.Locale;

/**
 * The alerts smsim's devices and DCC raise (a closed set): device alerts with their real GBCS alert
 * codes (GBCS, "Alert Codes" table; the names as the GBCS gives them), and the one DCC alert the
 * emulation raises itself, {@code AD1} (DUIS {@code DCCAlertMessage}, {@code PowerOutageEvent}: the
 * communications hub's last gasp reported by the CSP).
 *
 * <p>What an alert stands for does not change the model: every alert is one message through the
 * region's gateway ({@link Category#ALERT}); the type decides only what the live emulation sends
 * to the response URL. The ordinary alert workload ({@code alerts:} in a region's workload) draws
 * its device alerts from {@link #WORKLOAD} with equal weights; an alert storm names its own type.
 */
public enum AlertType {

  /** DCC alert AD1: a communications hub lost power (its last gasp), reported by the CSP. */
  POWER_OUTAGE("power-outage", -1, "AD1", "Power Outage Event"),
  /** GBCS 0x8F57. */
  SUPPLY_INTERRUPTED("supply-interrupted", 0x8F57, null, "Supply interrupted"),
  /** GBCS 0x8F35. */
  SUPPLY_RESTORED("supply-restored", 0x8F35, null, "Supply Outage Restored"),
  /** GBCS 0x8F36. */
  SUPPLY_RESTORED_LONG("supply-restored-long", 0x8F36, null, "Supply Outage Restored - Outage >= 3 minutes"),
  /** GBCS 0x8F3F. */
  TAMPER("tamper", 0x8F3F, null, "Unauthorised Physical Access - Tamper Detect"),
  /** GBCS 0x8F1F. */
  LOW_BATTERY("low-battery", 0x8F1F, null, "Low Battery Capacity"),
  /** GBCS 0x810D. */
  LOW_CREDIT("low-credit", 0x810D, null, "Combined Credit Below Low Credit Threshold (prepayment mode)"),
  /** GBCS 0x8F0C. */
  CLOCK_NOT_ADJUSTED("clock-not-adjusted", 0x8F0C, null, "Clock not adjusted (adjustment greater than 10 seconds)");

  /** The device alerts of the ordinary alert workload, drawn with equal weights. */
  public static final AlertType[] WORKLOAD = {SUPPLY_INTERRUPTED, SUPPLY_RESTORED, TAMPER, LOW_BATTERY, LOW_CREDIT,
      CLOCK_NOT_ADJUSTED};

  private final String key;
  private final int gbcsCode;
  private final String dccCode;
  private final String description;

  AlertType(String key, int gbcsCode, String dccCode, String description) {
    this.key = key;
    this.gbcsCode = gbcsCode;
    this.dccCode = dccCode;
    this.description = description;
  }

  /** The name in scenarios and the admin API. */
  public String key() {
    return key;
  }

  /** Whether this is a DCC alert ({@code DCCAlertMessage}) rather than a device alert. */
  public boolean dcc() {
    return dccCode != null;
  }

  /** The GBCS alert code of a device alert (e.g. 0x8F35); -1 for a DCC alert. */
  public int gbcsCode() {
    return gbcsCode;
  }

  /** The DUIS DCC alert code of a DCC alert ({@code AD1}); {@code null} for a device alert. */
  public String dccCode() {
    return dccCode;
  }

  /** The code as DUIS writes it: {@code 8F35} (hexBinary) or {@code AD1}. */
  public String code() {
    return dcc() ? dccCode : String.format(Locale.ROOT, "%04X", gbcsCode);
  }

  public String description() {
    return description;
  }

  /** The type named {@code key}. */
  public static AlertType ofKey(String key) {
    for (AlertType t : values()) {
      if (t.key.equals(key)) {
        return t;
      }
    }
    throw new IllegalArgumentException("alert must be one of " + keys() + ": " + key);
  }

  /** Every key, comma-separated, for messages. */
  public static String keys() {
    StringBuilder b = new StringBuilder();
    for (AlertType t : values()) {
      b.append(b.length() == 0 ? "" : ", ").append(t.key);
    }
    return b.toString();
  }
}
