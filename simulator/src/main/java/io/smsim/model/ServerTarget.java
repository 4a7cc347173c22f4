package io.smsim.model;

import java.util.Locale;

/** Which server of a cluster a fault or operation applies to. */
public enum ServerTarget {
  PRIMARY, SECONDARY, BOTH, ACTIVE;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
