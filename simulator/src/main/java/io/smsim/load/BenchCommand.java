package io.smsim.load;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A command of the user's that the failover bench runs at a set time: the fault ({@code --fault-cmd},
 * e.g. {@code kill -9 1234}, {@code systemctl stop dsp}, {@code kubectl delete pod dsp-0}) or the
 * repair ({@code --restore-cmd}). Without {@code --shell} the text is split into words as a POSIX
 * shell would ({@link ShellWords}) and run directly, so nothing in it is expanded; with it, the text
 * is given to {@code /bin/sh -c}. Standard input is empty; standard output and error go, merged, to
 * a file (so that a daemon the command leaves running cannot hold the bench up by keeping a pipe
 * open). A command that has not exited within its timeout is killed with its descendants.
 *
 * @param argv the words run (with {@code --shell}: {@code /bin/sh -c TEXT})
 */
public record BenchCommand(Role role, String text, List<String> argv, boolean shell, long timeoutNanos) {

  /** Which command. */
  public enum Role {
    FAULT("--fault-cmd", "fault"), RESTORE("--restore-cmd", "restore");

    private final String option;
    private final String label;

    Role(String option, String label) {
      this.option = option;
      this.label = label;
    }

    public String option() {
      return option;
    }

    public String label() {
      return label;
    }
  }

  /** Longest output kept in memory and in {@code bench.json}; the whole of it is in the run's log file. */
  static final int KEPT_OUTPUT = 4096;

  public BenchCommand {
    Objects.requireNonNull(role, "role");
    argv = List.copyOf(argv);
    if (timeoutNanos <= 0) {
      throw new IllegalArgumentException("--command-timeout must be positive: " + timeoutNanos + " ns");
    }
  }

  /**
   * Parses a command and checks that its program exists, so that a typo fails before the run.
   *
   * @throws IllegalArgumentException naming the option: shell syntax without {@code --shell}, an
   *     unterminated quote, an empty command, a program that is not found or not executable
   */
  public static BenchCommand parse(Role role, String text, boolean shell, long timeoutNanos) {
    List<String> argv;
    if (shell) {
      if (text.isBlank()) {
        throw new IllegalArgumentException(role.option() + ": the command is empty");
      }
      argv = List.of("/bin/sh", "-c", text);
    } else {
      try {
        argv = ShellWords.split(text);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(role.option() + ": " + e.getMessage());
      }
    }
    String program = argv.get(0);
    if (resolve(program) == null) {
      throw new IllegalArgumentException(role.option() + ": " + (program.contains("/")
          ? "not an executable file: " + program : "command not found on PATH: " + program));
    }
    return new BenchCommand(role, text, argv, shell, timeoutNanos);
  }

  /** The executable a program name runs, or {@code null}: a path as given, else the first match on PATH. */
  static Path resolve(String program) {
    if (program.contains("/")) {
      Path p = Path.of(program);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? p : null;
    }
    String path = System.getenv("PATH");
    for (String dir : (path == null ? "/usr/local/bin:/usr/bin:/bin" : path).split(File.pathSeparator)) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, program);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }

  /**
   * What one execution did, times in seconds after the run's start (the load's clock).
   *
   * @param exitCode the exit status, or {@code null} when it did not start or was killed at its timeout
   * @param error why it did not start, or {@code null}
   * @param output the first {@value #KEPT_OUTPUT} characters of its output (stdout and stderr)
   */
  public record Run(Role role, String text, double startSeconds, double endSeconds, Integer exitCode,
      boolean timedOut, String error, String output, boolean outputTruncated) {

    /** Started, exited in time, with status 0. */
    public boolean ok() {
      return error == null && !timedOut && exitCode != null && exitCode == 0;
    }

    /** {@code exit 0 after 0.004 s}, {@code timed out after 30 s (killed)}, {@code did not start: ...}. */
    public String verdict() {
      if (error != null) {
        return "did not start: " + error;
      }
      String took = Format.seconds(Math.round((endSeconds - startSeconds) * 1000) / 1000.0);
      return timedOut ? "timed out after " + took + " (killed)" : "exit " + exitCode + " after " + took;
    }

    /** {@code fault   at 3.000 s: kill -9 1234 -> exit 0 after 0.004 s} (a long command cut to 100 characters). */
    public String line() {
      String shown = text.length() <= 100 ? text : text.substring(0, 60) + " ... " + text.substring(text.length() - 35);
      return String.format(Locale.ROOT, "%-7s at %.3f s: %s -> %s", role.label(), startSeconds, shown, verdict());
    }
  }

  /**
   * Runs the command now and waits for it (at most the timeout), its output going to {@code log}.
   *
   * @param t0 the run's start ({@link System#nanoTime()}), to which times are relative
   */
  public Run run(long t0, Path log) {
    ProcessBuilder pb = new ProcessBuilder(argv).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    long start = System.nanoTime();
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new Run(role, text, seconds(start, t0), seconds(System.nanoTime(), t0), null, false, e.getMessage(),
          "", false);
    }
    boolean exited;
    try {
      exited = p.waitFor(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exited = false;
    }
    long end = System.nanoTime();
    if (!exited) {
      kill(p);
    }
    String[] out = output(log);
    return new Run(role, text, seconds(start, t0), seconds(end, t0), exited ? p.exitValue() : null, !exited, null,
        out[0], out[1] != null);
  }

  private static void kill(Process p) {
    List<ProcessHandle> family = new ArrayList<>(p.descendants().toList());
    family.add(p.toHandle());
    for (ProcessHandle h : family) {
      h.destroyForcibly();
    }
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The log's first {@value #KEPT_OUTPUT} characters, and non-null second element when there was more. */
  private static String[] output(Path log) {
    try (InputStream in = Files.newInputStream(log)) {
      byte[] head = in.readNBytes(KEPT_OUTPUT + 1);
      String s = new String(head, 0, Math.min(head.length, KEPT_OUTPUT), StandardCharsets.UTF_8);
      return new String[] {s, head.length > KEPT_OUTPUT ? "more" : null};
    } catch (IOException e) {
      return new String[] {"(output unreadable: " + e.getMessage() + ")", null};
    }
  }

  private static double seconds(long nanos, long t0) {
    return (nanos - t0) / 1e9;
  }
}
