package io.smsim.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Starts {@code smsim serve} as a separate JVM (so that {@code kill -9} kills it, as it would a
 * real server), leaves it running, and returns once it listens: what {@code systemctl start} does
 * for a real service.
 */
final class ServeLauncher {

  private static final Pattern DUIS_PORT = Pattern.compile("DUIS +http://[^:]+:(\\d+)/");

  /** A started serve process; {@code startupNanos}: from its launch until it listened. */
  record Started(long pid, int port, Path log, long startupNanos) {
  }

  private ServeLauncher() {
  }

  /** Java and the classpath of this JVM, to start {@code smsim serve} in another one (small, quick to start). */
  static List<String> javaCommand() {
    String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin",
        "java").toString());
    String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", cp, "io.smsim.cli.Main",
        "serve");
  }

  /** A serve process on its way up. */
  record Launched(Process process, Path log, long launchedNanos) {
    /** Waits until it listens (at most two minutes: JVMs start slowly on a loaded machine). */
    Started await() throws IOException, InterruptedException {
      return listening(this);
    }
  }

  /** Starts serve with {@code serveArgs}, output to {@code log}, without waiting for it. */
  static Launched launch(Path log, List<String> serveArgs) throws IOException {
    List<String> cmd = new ArrayList<>(javaCommand());
    cmd.addAll(serveArgs);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    return new Launched(p, log, System.nanoTime());
  }

  private static Started listening(Launched l) throws IOException, InterruptedException {
    Process p = l.process();
    Path log = l.log();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      Matcher m = DUIS_PORT.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (m.find()) {
        return new Started(p.pid(), Integer.parseInt(m.group(1)), log, System.nanoTime() - l.launchedNanos());
      }
      if (!p.isAlive()) {
        throw new IOException("smsim serve exited with " + p.exitValue() + ": " + Files.readString(log));
      }
      Thread.sleep(50);
    }
    p.destroyForcibly();
    throw new IOException("smsim serve did not listen within two minutes: " + Files.readString(log));
  }
}
