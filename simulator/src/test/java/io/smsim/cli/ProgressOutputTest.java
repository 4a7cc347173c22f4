package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Progress on stderr: a live line with an ETA on a terminal, a line every ten seconds elsewhere
 * (CI logs), nothing with --quiet. The clock is injected: no test waits on real time.
 */
class ProgressOutputTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void onATerminalOneLineIsRedrawnInPlaceWithAnEta() {
    AtomicLong now = new AtomicLong(0);
    StringWriter err = new StringWriter();
    ProgressOutput p = new ProgressOutput(new PrintWriter(err), ProgressOutput.Mode.TERMINAL, now::get);
    p.update(0.1, () -> "early");
    assertThat(err.toString()).as("nothing in the first two seconds").isEmpty();
    now.set(10 * SECOND);
    p.update(0.25, () -> "a quarter");
    assertThat(err.toString()).isEqualTo("\ra quarter · 10 s elapsed · ETA 30 s");
    now.set(10 * SECOND + 100_000_000L);
    p.update(0.26, () -> "too soon");
    assertThat(err.toString()).doesNotContain("too soon");
    now.set(20 * SECOND);
    p.update(0.5, () -> "half");
    assertThat(err.toString()).endsWith("\rhalf · 20 s elapsed · ETA 20 s" + " ".repeat(5)).doesNotContain("\n");
    p.event("fault injected");
    assertThat(err.toString()).contains("\n").endsWith("fault injected" + System.lineSeparator());
  }

  @Test
  void elsewhereALineEveryTenSecondsForCiLogs() {
    AtomicLong now = new AtomicLong(0);
    StringWriter err = new StringWriter();
    ProgressOutput p = new ProgressOutput(new PrintWriter(err), ProgressOutput.Mode.LINES, now::get);
    for (int s = 0; s <= 35; s++) {
      now.set(s * SECOND);
      int at = s;
      p.update(s / 70.0, () -> "at " + at);
    }
    assertThat(err.toString().lines().toList()).containsExactly("at 10 · 10 s elapsed · ETA 1m00s",
        "at 20 · 20 s elapsed · ETA 50 s", "at 30 · 30 s elapsed · ETA 40 s");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  void quietShowsNothingAndUnknownShareHasNoEta() {
    AtomicLong now = new AtomicLong(0);
    StringWriter err = new StringWriter();
    ProgressOutput off = new ProgressOutput(new PrintWriter(err), ProgressOutput.Mode.OFF, now::get);
    now.set(60 * SECOND);
    off.update(0.5, () -> "x");
    off.event("y");
    assertThat(err.toString()).isEmpty();
    ProgressOutput lines = new ProgressOutput(new PrintWriter(err), ProgressOutput.Mode.LINES, now::get);
    now.set(75 * SECOND);
    lines.update(Double.NaN, () -> "load");
    assertThat(err.toString().strip()).isEqualTo("load · 15 s elapsed");
    assertThat(ProgressOutput.seconds(3725)).isEqualTo("1h02m");
  }
}
