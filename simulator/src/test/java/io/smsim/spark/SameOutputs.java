package io.smsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files two runs of a study wrote, compared: the same names, the same bytes (wall-clock fields aside). */
final class SameOutputs {

  private SameOutputs() {
  }

  /** Every file in {@code actual} is in {@code expected} and vice versa, with the same bytes, JSON's wall* lines aside. */
  static void assertSame(Path expected, Path actual) {
    List<String> names = names(expected);
    assertThat(names(actual)).as("files written").isEqualTo(names);
    assertThat(names).as("files written").isNotEmpty();
    for (String name : names) {
      Path e = expected.resolve(name);
      Path a = actual.resolve(name);
      if (name.endsWith(".json")) {
        assertThat(withoutWallFields(a)).as(name).isEqualTo(withoutWallFields(e));
      } else {
        // as text first, so a difference reads as a diff; then byte for byte
        assertThat(new String(bytes(a), StandardCharsets.UTF_8)).as(name).isEqualTo(
            new String(bytes(e), StandardCharsets.UTF_8));
        assertThat(bytes(a)).as(name).isEqualTo(bytes(e));
      }
    }
  }

  /** The lines of a JSON file less those of fields named wall*: they measure the machine, not the model. */
  static List<String> withoutWallFields(Path json) {
    try {
      return Files.readAllLines(json).stream().filter(l -> !l.trim().startsWith("\"wall")).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> names(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
