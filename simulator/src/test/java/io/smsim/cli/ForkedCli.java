package io.smsim.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the CLI in a JVM of its own, in a working directory of the test's choosing and with a heap
 * limit: for what an in-process run cannot show (default output paths, memory bombs, exit codes
 * of {@code main}). The child is killed when it outlives {@code timeoutSeconds}.
 */
record ForkedCli(int status, String out, String err, boolean timedOut) {

  static ForkedCli run(Path cwd, String maxHeap, int timeoutSeconds, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        Main.class.getName()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("smsim-forked", ".out");
    Path err = Files.createTempFile("smsim-forked", ".err");
    try {
      Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectOutput(out.toFile())
          .redirectError(err.toFile()).start();
      boolean done = p.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!done) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      return new ForkedCli(done ? p.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8), !done);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
