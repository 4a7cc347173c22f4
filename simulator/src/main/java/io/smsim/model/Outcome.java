package io.smsim.model;

import java.util.Locale;

/**
 * How one attempt of a service request ended, and the DUIS response code a Service User sees.
 *
 * <p>Codes: I0 success; E20 "unable to communicate with device" for failures on the CSP side of
 * the DSP (no process could be spawned, the gateway is down, switching over, or shed the request),
 * and for an unreachable WAN; E21 "no response from device" when the device never answers. Each
 * non-success outcome keeps its own name in smsim's counters, so reports can tell an exhausted
 * process table from an unreachable device even though both surface as E20.
 */
public enum Outcome {
  /** The device answered; I0. */
  SUCCESS("I0"),
  /** The process table was full: the scheduler could not spawn a child. */
  SPAWN_FAILED("E20"),
  /** All workers busy and the scheduler's queue full. */
  QUEUE_FULL("E20"),
  /** No gateway server was serving the region (down, restarting, switching over). */
  UNAVAILABLE("E20"),
  /** In flight on a server that failed or was restarted: the work was lost. */
  LOST("E20"),
  /** The server is alive but failing requests (gray failure). */
  GATEWAY_ERROR("E20"),
  /** The WAN could not reach the device. */
  UNREACHABLE("E20"),
  /** The device did not answer within the response timeout. */
  NO_RESPONSE("E21");

  private static final Outcome[] VALUES = values();
  private final String duisCode;

  Outcome(String duisCode) {
    this.duisCode = duisCode;
  }

  public String duisCode() {
    return duisCode;
  }

  public boolean isSuccess() {
    return this == SUCCESS;
  }

  /** Snake-case label for CSV and JSON. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Outcome of(int ordinal) {
    return VALUES[ordinal];
  }

  public static int count() {
    return VALUES.length;
  }
}
