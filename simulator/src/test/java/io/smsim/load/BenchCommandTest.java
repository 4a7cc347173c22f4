package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's fault and restore commands: run without a shell unless asked, their exit status and
 * output kept, their times on the run's clock; a failing, missing or hanging command is reported,
 * and a hanging one is killed at its timeout.
 */
class BenchCommandTest {

  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  @Test
  void aCommandRunsWithoutAShellAndItsStatusOutputAndTimesAreKept(@TempDir Path dir) {
    BenchCommand c = BenchCommand.parse(BenchCommand.Role.FAULT, "printf '%s|%s' 'a b' '$HOME'", false, MINUTE);
    assertThat(c.argv()).containsExactly("printf", "%s|%s", "a b", "$HOME");
    long t0 = System.nanoTime() - TimeUnit.SECONDS.toNanos(3);
    BenchCommand.Run r = c.run(t0, dir.resolve("fault.log"));
    assertThat(r.ok()).isTrue();
    assertThat(r.exitCode()).isZero();
    assertThat(r.output()).as("nothing expanded without a shell").isEqualTo("a b|$HOME");
    assertThat(r.startSeconds()).as("on the run's clock").isBetween(3.0, 60.0);
    assertThat(r.endSeconds()).isGreaterThanOrEqualTo(r.startSeconds());
    assertThat(r.line()).startsWith("fault   at 3.").contains("-> exit 0 after");
  }

  @Test
  void withShellTheTextGoesToBinShAndAFailingStatusIsReported(@TempDir Path dir) throws Exception {
    BenchCommand c = BenchCommand.parse(BenchCommand.Role.RESTORE, "echo $((6 * 7)); echo oops >&2; exit 3", true,
        MINUTE);
    assertThat(c.argv()).containsExactly("/bin/sh", "-c", "echo $((6 * 7)); echo oops >&2; exit 3");
    BenchCommand.Run r = c.run(System.nanoTime(), dir.resolve("restore.log"));
    assertThat(r.ok()).isFalse();
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.output()).isEqualTo("42\noops\n");
    assertThat(r.verdict()).startsWith("exit 3 after");
    assertThat(Files.readString(dir.resolve("restore.log"))).isEqualTo("42\noops\n");
  }

  @Test
  void aCommandStillRunningAtItsTimeoutIsKilledWithItsChildrenAndReported(@TempDir Path dir) throws Exception {
    Path child = dir.resolve("child.pid");
    BenchCommand c = BenchCommand.parse(BenchCommand.Role.FAULT, "sleep 60 & echo $! > '" + child + "'; wait", true,
        TimeUnit.MILLISECONDS.toNanos(500));
    BenchCommand.Run r = c.run(System.nanoTime(), dir.resolve("fault.log"));
    assertThat(r.timedOut()).isTrue();
    assertThat(r.exitCode()).isNull();
    assertThat(r.ok()).isFalse();
    assertThat(r.verdict()).startsWith("timed out after").endsWith("(killed)");
    long sleeper = Long.parseLong(Files.readString(child).trim());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(ProcessHandle.of(sleeper).map(ProcessHandle::isAlive).orElse(false)).as("the child was killed too")
        .isFalse();
  }

  @Test
  void aMissingProgramOrShellSyntaxWithoutShellIsBadInputBeforeAnyRun() {
    assertThatThrownBy(() -> BenchCommand.parse(BenchCommand.Role.FAULT, "no-such-program-xyz 1", false, MINUTE))
        .hasMessage("--fault-cmd: command not found on PATH: no-such-program-xyz");
    assertThatThrownBy(() -> BenchCommand.parse(BenchCommand.Role.RESTORE, "/nonexistent/start", false, MINUTE))
        .hasMessage("--restore-cmd: not an executable file: /nonexistent/start");
    assertThatThrownBy(() -> BenchCommand.parse(BenchCommand.Role.FAULT, "kill -9 $(cat /run/dsp.pid)", false,
        MINUTE)).hasMessageStartingWith("--fault-cmd: at column 9:").hasMessageContaining("--shell");
    assertThatThrownBy(() -> BenchCommand.parse(BenchCommand.Role.FAULT, "kill 1", false, 0))
        .hasMessageContaining("--command-timeout");
  }
}
