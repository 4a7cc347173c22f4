package io.smsim.scenario;

/**
 * One thing wrong with a scenario, rendered as
 * {@code file:line:column: field.path: rule: value}.
 */
public record Problem(Location location, String path, String message) {

  @Override
  public String toString() {
    return location + ": " + (path.isEmpty() ? "" : path + ": ") + message;
  }
}
