package io.smsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int status, String out, String err) {

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Cli(status, out.toString(), err.toString());
  }

  /** Copies the small test scenario into {@code dir} and returns its path. */
  static Path smallLeak(Path dir) throws IOException {
    Path file = dir.resolve("small-leak.yaml");
    try (InputStream in = Cli.class.getResourceAsStream("/io/smsim/analysis/small-leak.yaml")) {
      Files.copy(in, file);
    }
    return file;
  }

  /** The repository's scenarios folder. */
  static Path scenarios() {
    String root = System.getProperty("smsim.repoRoot", "..");
    return Path.of(root, "scenarios").normalize();
  }
}
