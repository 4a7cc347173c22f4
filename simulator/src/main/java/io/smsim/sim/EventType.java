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
  /** entity = region: failover controller probe. */
  static final int PROBE = 5;
  /** entity = region: switchover complete. */
  static final int SWITCHOVER_DONE = 6;
  /** entity = server: periodic reaper. */
  static final int REAPER = 7;
  /** entity = fault index, arg = 1 start / 0 end. */
  static final int FAULT = 8;
  /** entity = operation index. */
  static final int OPERATION = 9;
  /** entity = server: back in service after a restart or repair. */
  static final int SERVER_UP = 10;
  /** Minute boundary: close buckets, evaluate alert rules. */
  static final int MINUTE = 11;
  /** Reporting interval boundary. */
  static final int INTERVAL = 12;
  /** entity = region: restart the active server by operator policy. */
  static final int POLICY_RESTART = 13;
  /** entity = server, arg = its leak epoch: a leaked child's lifetime ended. */
  static final int LEAK_EXIT = 14;

  private EventType() {
  }
}
