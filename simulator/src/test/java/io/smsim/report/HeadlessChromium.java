package io.smsim.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs a page in headless Chromium and returns its DOM after scripts ran ({@code --dump-dom}).
 * Virtual time ({@code --virtual-time-budget}) lets the page's timers and animation frames run to
 * completion without waiting in real time; networking, sync and component updates are off, so the
 * page gets nothing it does not carry. The browser is Debian's {@code chromium} ({@code .ci/run}
 * installs it), or the executable named by {@code SMSIM_CHROMIUM}.
 */
final class HeadlessChromium {

  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
      "google-chrome-stable");
  private static final long TIMEOUT_SECONDS = 120;

  private final Path executable;

  private HeadlessChromium(Path executable) {
    this.executable = executable;
  }

  /** The browser, if one can be had on this machine. */
  static Optional<HeadlessChromium> find() {
    String configured = System.getenv("SMSIM_CHROMIUM");
    if (configured != null && !configured.isBlank()) {
      Path p = Path.of(configured);
      return Files.isExecutable(p) ? Optional.of(new HeadlessChromium(p)) : Optional.empty();
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : NAMES) {
      for (String dir : path.split(File.pathSeparator)) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return Optional.of(new HeadlessChromium(p));
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM of {@code page} once its scripts ran, serialised as HTML. */
  String dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  /** A PNG screenshot of {@code page} (for looking at the charts while developing). */
  void screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    run(page, "--screenshot=" + png.toAbsolutePath(), "--hide-scrollbars", "--window-size=" + width + "," + height);
  }

  private String run(Path page, String... action) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("smsim-chromium");
    Path stdout = profile.resolve("stdout.html");
    Path stderr = profile.resolve("stderr.txt");
    try {
      List<String> command = new java.util.ArrayList<>(List.of(executable.toString(), "--headless", "--no-sandbox",
          "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
          "--user-data-dir=" + profile.resolve("profile"), "--virtual-time-budget=10000"));
      command.addAll(List.of(action));
      command.add(page.toAbsolutePath().toUri().toString());
      Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("chromium did not finish in " + TIMEOUT_SECONDS + " s: " + tail(stderr));
      }
      if (p.exitValue() != 0) {
        throw new IOException("chromium exited with " + p.exitValue() + ": " + tail(stderr));
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      SeedReplay.deleteTree(profile);
    }
  }

  private static String tail(Path file) throws IOException {
    String s = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
  }

  @Override
  public String toString() {
    return executable.toString();
  }
}
