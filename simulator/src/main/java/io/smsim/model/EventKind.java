package io.smsim.model;

import java.util.Locale;

/**
 * What happened to a region's servers, as recorded on the timeline ({@code summary.json}
 * {@code events[].kind}, the review, the live event log). The README's "Timeline events" table is
 * tested against this list.
 */
public enum EventKind {
  /** A fault of the timeline or of the admin API began ({@code detail} = fault kind, {@code value} = work lost by a hardware failure). */
  FAULT_START("a fault begins (detail: its kind; value: work in flight lost when hardware fails)", "lost %d"),
  /** A fault ended. */
  FAULT_END("a fault ends (detail: its kind)", "%d"),
  /** A server's process table is full: spawns fail ({@code value} = live processes). */
  PROCESS_LIMIT_REACHED("the process table is full: spawns fail from now (value: live processes)", "%d processes"),
  /** The monitoring rule fired: the incident is detected (stamped at the ticket time). */
  ALERT("the alert rule fires and the incident is opened (detail: the rule)", "%d"),
  /** A server was restarted ({@code value} = work in flight lost). */
  RESTART("a server is restarted (value: work in flight lost)", "lost %d"),
  /** A restart was asked for but not done (the server is down already). */
  RESTART_SKIPPED("a restart is not done: the server is out of service already (detail: why)", "%d"),
  /** A server serves again after a restart, a repair or the end of a hardware failure. */
  BACK_UP("a server is back in service after a restart or repair", "%d"),
  /** The active role moves to the standby ({@code value} = work in flight lost). */
  FAILOVER("the failover starts (detail: reason -> new active; value: work in flight lost)", "lost %d"),
  /** The standby serves. */
  SWITCHOVER_COMPLETE("the switchover ends: the new active server serves", "%d"),
  /** The reaper killed leaked children ({@code value} = how many). */
  REAPER("the reaper kills leaked children (value: how many)", "%d leaked children"),
  /** An operator installed or changed the reaper cron job ({@code value} = threshold). */
  REAPER_SET("the reaper cron job is set or changed (value: threshold; detail: period)", "threshold %d"),
  /** Live only: a repaired server could not listen on its port again. */
  REBIND_FAILED("serve only: a repaired server could not listen on its port again", "%d");

  private final String meaning;
  private final String valueFormat;

  EventKind(String meaning, String valueFormat) {
    this.meaning = meaning;
    this.valueFormat = valueFormat;
  }

  /** The value in words for a log line ({@code lost 5}, {@code 120 leaked children}); empty for 0 where it means nothing. */
  public String describeValue(long value) {
    return value == 0 && !valueFormat.startsWith("lost") ? "" : String.format(Locale.ROOT, valueFormat, value);
  }

  /** The name in outputs: {@code process-limit-reached}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** One line for documentation. */
  public String meaning() {
    return meaning;
  }

  @Override
  public String toString() {
    return key();
  }
}
