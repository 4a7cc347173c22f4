package io.smsim;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Prints why each skipped test was skipped, on the build's console (a test needing Chromium, the
 * DUIS samples in {@code ../shared} or a Prometheus parser says what is missing), instead of leaving
 * the reason in the surefire XML only. Registered for the JUnit Platform launcher through
 * {@code META-INF/services}.
 */
public final class SkipReasons implements TestExecutionListener {

  @Override
  public void executionSkipped(TestIdentifier test, String reason) {
    print(test, reason);
  }

  @Override
  public void executionFinished(TestIdentifier test, TestExecutionResult result) {
    if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
      print(test, result.getThrowable().map(Throwable::getMessage).orElse("aborted"));
    }
  }

  private static void print(TestIdentifier test, String reason) {
    String where = test.getSource().map(s -> s instanceof MethodSource m
        ? m.getJavaClass().getSimpleName() + "." + m.getMethodName()
        : s instanceof ClassSource c ? c.getJavaClass().getSimpleName() : test.getDisplayName())
        .orElse(test.getDisplayName());
    System.out.println("[skipped] " + where + ": " + reason);
  }
}
