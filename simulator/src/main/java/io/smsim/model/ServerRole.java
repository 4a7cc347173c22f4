package io.smsim.model;

import java.util.Locale;

/** The two servers of a regional gateway cluster: the configured primary and its standby. */
public enum ServerRole {
  PRIMARY, SECONDARY;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public ServerRole other() {
    return this == PRIMARY ? SECONDARY : PRIMARY;
  }
}
