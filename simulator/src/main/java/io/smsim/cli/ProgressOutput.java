package io.smsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Where long commands report progress: stderr, whatever stdout is (so {@code compare ... | tee log}
 * still shows it). On a terminal, one live line redrawn in place ({@code \r}) at most four times a
 * second, after the first two seconds. Elsewhere (CI logs, files) a full line every
 * {@value #LOG_EVERY_SECONDS} seconds, after the first {@value #LOG_EVERY_SECONDS}: CI logs are read line by
 * line, carriage returns make them unreadable, and a line every ten seconds proves a job is alive
 * (CI systems kill jobs silent for minutes) while keeping a 15-minute job to ~90 lines; runs shorter
 * than that print nothing. {@code --quiet} turns both off.
 *
 * <p>Java 17 cannot ask whether stderr alone is a terminal ({@code System.console()} is about stdin and
 * stdout), so the {@code smsim} launcher tests {@code [ -t 2 ]} and passes {@code -Dsmsim.stderrTty};
 * {@code SMSIM_PROGRESS=tty|lines|off} overrides either. The wall clock is read here, in the CLI, never
 * in the engine.
 */
final class ProgressOutput {

  /** How progress is shown. */
  enum Mode { TERMINAL, LINES, OFF }

  static final int LOG_EVERY_SECONDS = 10;
  private static final long TERMINAL_AFTER_NANOS = 2_000_000_000L;
  private static final long TERMINAL_EVERY_NANOS = 250_000_000L;
  private static final long LOG_EVERY_NANOS = LOG_EVERY_SECONDS * 1_000_000_000L;

  private final PrintWriter err;
  private final Mode mode;
  private final LongSupplier clock;
  private final long start;
  private long last;
  private int width;

  ProgressOutput(PrintWriter err, Mode mode, LongSupplier nanoClock) {
    this.err = err;
    this.mode = mode;
    this.clock = nanoClock;
    this.start = nanoClock.getAsLong();
    this.last = start;
  }

  /** Progress on {@code err} in the mode of this process's stderr (off when quiet). */
  static ProgressOutput on(PrintWriter err, boolean quiet) {
    return new ProgressOutput(err, quiet ? Mode.OFF : detect(), System::nanoTime);
  }

  static Mode detect() {
    String forced = System.getenv("SMSIM_PROGRESS");
    if (forced != null) {
      switch (forced.trim().toLowerCase(Locale.ROOT)) {
        case "tty", "terminal":
          return Mode.TERMINAL;
        case "lines", "log":
          return Mode.LINES;
        case "off", "none":
          return Mode.OFF;
        default:
          break;
      }
    }
    String tty = System.getProperty("smsim.stderrTty");
    if (tty != null) {
      return Boolean.parseBoolean(tty) ? Mode.TERMINAL : Mode.LINES;
    }
    return System.console() != null ? Mode.TERMINAL : Mode.LINES;
  }

  Mode mode() {
    return mode;
  }

  /** Seconds since this output was made. */
  double elapsedSeconds() {
    return (clock.getAsLong() - start) / 1e9;
  }

  /**
   * Offers the current state; shown when it is time ({@code text} is built only then).
   *
   * @param done fraction of the work done, in [0, 1], for the ETA; NaN when unknown
   */
  synchronized void update(double done, java.util.function.Supplier<String> text) {
    if (mode == Mode.OFF) {
      return;
    }
    long now = clock.getAsLong();
    if (mode == Mode.TERMINAL) {
      if (now - start < TERMINAL_AFTER_NANOS || now - last < TERMINAL_EVERY_NANOS) {
        return;
      }
      last = now;
      String line = text.get() + eta(done, now);
      err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
      width = line.length();
    } else {
      if (now - last < LOG_EVERY_NANOS) {
        return;
      }
      last = now;
      err.println(text.get() + eta(done, now));
    }
    err.flush();
  }

  /** A line always shown (a phase of the work), on its own line. */
  synchronized void event(String line) {
    if (mode == Mode.OFF) {
      return;
    }
    clearLine();
    err.println(line);
    err.flush();
  }

  /** Removes the live line, if any. */
  synchronized void done() {
    clearLine();
    err.flush();
  }

  private void clearLine() {
    if (width > 0) {
      err.print("\r" + " ".repeat(width) + "\r");
      width = 0;
    }
  }

  private String eta(double done, long now) {
    double elapsed = (now - start) / 1e9;
    String e = String.format(Locale.ROOT, " · %s elapsed", seconds(elapsed));
    if (!(done > 0 && done < 1)) {
      return e;
    }
    return e + " · ETA " + seconds(elapsed * (1 - done) / done);
  }

  /** 42 s, 3m05s, 1h02m. */
  static String seconds(double s) {
    long t = Math.round(s);
    if (t < 60) {
      return t + " s";
    }
    if (t < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", t / 60, t % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", t / 3600, (t % 3600) / 60);
  }
}
