package io.smsim.sim;

/** The simulator's event types (the {@code type} of engine events) and what their operands mean. */
final class EventType {

  /** entity = arrival generator. */
  static final int ARRIVAL = 1;
  /** entity = request: send (or resend) an attempt. */
  static final int SEND = 2;
  /** entity = request: its child process finished. */
  static final int WORK_DONE = 3;
  /** entity = journey: the installer starts the next step. */
  static final int JOURNEY_NEXT = 4;
  /** entity = region, arg = a timer of its {@link io.smsim.model.RegionOperations}. */
  static final int REGION = 5;
  /** Minute boundary: close buckets, evaluate alert rules. */
  static final int MINUTE = 11;
  /** Reporting interval boundary. */
  static final int INTERVAL = 12;

  private EventType() {
  }
}
