package io.smsim.model;

import java.util.Locale;

/** The three CSP regions of the GB smart metering network. */
public enum Region {
  NORTH, CENTRAL, SOUTH;

  private static final Region[] VALUES = values();

  /** The lower-case key used in scenarios and outputs ({@code north}, ...). */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Region ofKey(String key) {
    for (Region r : VALUES) {
      if (r.key().equals(key)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown region: " + key);
  }

  public static Region of(int ordinal) {
    return VALUES[ordinal];
  }
}
