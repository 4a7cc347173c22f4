package io.smsim.analysis;

import io.smsim.scenario.Expectation;

/**
 * The outcome of one expectation: passed, breached, or skipped (a CI check with one replication).
 *
 * @param subject {@code as written} or {@code variant <name>}
 * @param detail for a breach or a skip, "expected ..., actual ..."; for a pass, the actual value
 */
public record Verdict(String subject, Expectation expectation, Status status, String detail) {

  /** Passed, breached or not evaluated. */
  public enum Status { PASS, BREACH, SKIPPED }

  /** One line: {@code file:line:col: variant x: metric: expected ..., actual ...}. */
  public String line() {
    return expectation.location() + ": " + subject + ": " + expectation.metric() + ": " + detail;
  }
}
