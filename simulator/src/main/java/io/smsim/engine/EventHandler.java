package io.smsim.engine;

/** Receives events from a {@link Simulation}; the model decodes {@code type} and its operands. */
@FunctionalInterface
public interface EventHandler {

  /**
   * Handles one event at {@link Simulation#nowNanos()}.
   *
   * @param type the model's event type
   * @param entity an int operand, typically the index of the entity the event concerns
   * @param arg a long operand (a generation, a count, a second index ...)
   */
  void onEvent(int type, int entity, long arg);
}
