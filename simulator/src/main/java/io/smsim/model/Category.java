package io.smsim.model;

import java.util.Locale;

/**
 * Traffic categories of the model: install &amp; commission journeys, on-demand requests, firmware —
 * the service requests — and device alerts, which flow the other way (device → CSP gateway → DSP →
 * Service User) but take a Gateway Scheduler child like any request.
 */
public enum Category {
  INSTALL("install"), ON_DEMAND("onDemand"), FIRMWARE("firmware"), ALERT("alerts");

  private static final Category[] VALUES = values();
  private final String key;

  Category(String key) {
    this.key = key;
  }

  /** The key used in scenarios ({@code install}, {@code onDemand}, {@code firmware}). */
  public String key() {
    return key;
  }

  /** Whether this is a Service User's request (not a device alert). */
  public boolean isServiceRequest() {
    return this != ALERT;
  }

  /** Snake-case label for CSV and JSON columns. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Category of(int ordinal) {
    return VALUES[ordinal];
  }
}
