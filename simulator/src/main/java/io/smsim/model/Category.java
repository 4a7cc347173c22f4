package io.smsim.model;

import java.util.Locale;

/** Traffic categories of DESIGN.md: install &amp; commission journeys, on-demand requests, firmware. */
public enum Category {
  INSTALL("install"), ON_DEMAND("onDemand"), FIRMWARE("firmware");

  private static final Category[] VALUES = values();
  private final String key;

  Category(String key) {
    this.key = key;
  }

  /** The key used in scenarios ({@code install}, {@code onDemand}, {@code firmware}). */
  public String key() {
    return key;
  }

  /** Snake-case label for CSV and JSON columns. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Category of(int ordinal) {
    return VALUES[ordinal];
  }
}
