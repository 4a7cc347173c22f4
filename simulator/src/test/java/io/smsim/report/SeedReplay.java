package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The seed scenario replayed once per test JVM through the command line, exactly as
 * {@code ./smsim replay scenarios/csp-north-2019-04-02.yaml} does (about two seconds), shared by
 * the report tests. The output directory is deleted when the JVM exits.
 */
final class SeedReplay {

  static final Path REPO = Path.of(System.getProperty("smsim.repoRoot", "..")).toAbsolutePath().normalize();
  static final Path SCENARIO = REPO.resolve("scenarios/csp-north-2019-04-02.yaml");
  static final ObjectMapper JSON = new ObjectMapper();

  private static Path dir;
  private static String console;

  private SeedReplay() {
  }

  /** The output directory of the seed replay: summary.json, timeline.csv, report.html, incident-review.md. */
  static synchronized Path dir() {
    if (dir == null) {
      dir = tempDir("smsim-seed-report");
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int status = Main.run(new String[] {"replay", SCENARIO.toString(), "--out", dir.toString()},
          new PrintWriter(out, true), new PrintWriter(err, true));
      assertThat(status).as("smsim replay exit status; stderr: %s", err).isZero();
      console = out.toString();
    }
    return dir;
  }

  /** What the replay printed on the console. */
  static synchronized String console() {
    dir();
    return console;
  }

  static JsonNode summary() {
    try {
      return JSON.readTree(dir().resolve("summary.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(String file) {
    try {
      return Files.readString(dir().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A temporary directory removed with its contents when the JVM exits. */
  static Path tempDir(String prefix) {
    try {
      Path d = Files.createTempDirectory(prefix);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(d)));
      return d;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void deleteTree(Path d) {
    if (!Files.exists(d)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(d)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // best effort: a temporary directory
    }
  }

  /** The node at {@code regions.north.incidents[0].startLocal}-style paths. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      int bracket = part.indexOf('[');
      if (bracket < 0) {
        node = node.path(part);
      } else {
        node = node.path(part.substring(0, bracket))
            .path(Integer.parseInt(part.substring(bracket + 1, part.length() - 1)));
      }
    }
    return node;
  }
}
