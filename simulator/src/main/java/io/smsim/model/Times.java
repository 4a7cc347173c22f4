package io.smsim.model;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Time formatting shared by the writers: ISO-8601 UTC for machines, local civil time for people. */
public final class Times {

  private static final DateTimeFormatter LOCAL_ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
  private static final DateTimeFormatter HUMAN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
  private static final DateTimeFormatter ZONE = DateTimeFormatter.ofPattern("zzz", Locale.UK);

  private Times() {
  }

  /** {@code 2019-04-02T09:24:00Z}. */
  public static String utc(Instant t) {
    return t == null ? null : t.toString();
  }

  /** {@code 2019-04-02T10:24:00+01:00}. */
  public static String local(Instant t, ZoneId zone) {
    return t == null ? null : LOCAL_ISO.format(t.atZone(zone));
  }

  /** {@code 2019-04-02 10:24}. */
  public static String human(Instant t, ZoneId zone) {
    return t == null ? "-" : HUMAN.format(t.atZone(zone));
  }

  /** {@code 10:24}. */
  public static String clock(Instant t, ZoneId zone) {
    return t == null ? "-" : CLOCK.format(t.atZone(zone));
  }

  /** Zone abbreviation at that instant, e.g. {@code BST}. */
  public static String zoneName(Instant t, ZoneId zone) {
    return ZONE.format(t.atZone(zone));
  }
}
