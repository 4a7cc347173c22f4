package io.smsim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The repository stands alone: nothing a user reads or runs (the README, the architecture, the
 * scenarios, the product's and the benchmarks' sources, the build and CI files) points to the
 * project notes next to it ({@code ../shared}, its {@code DESIGN.md}). Tests may read fixtures there,
 * and skip with a reason when they are absent, so {@code src/test} is not scanned.
 */
class StandsAloneTest {

  private static final Pattern POINTS_OUTSIDE = Pattern.compile("\\.\\./shared|/work/shared|DESIGN\\.md");

  /** Files that still point outside, each with the reason; an entry must go once its file is clean. */
  private static final Map<String, String> PENDING = Map.of();

  @Test
  void nothingInTheRepositoryPointsToTheProjectNotesNextToIt() throws IOException {
    Path root = Path.of(System.getProperty("smsim.repoRoot", "..")).normalize();
    assumeTrue(Files.isRegularFile(root.resolve("pom.xml")) && Files.isDirectory(root.resolve("scenarios")),
        "the repository root is not at " + root.toAbsolutePath());
    List<Path> scanned = new ArrayList<>();
    for (String top : List.of("README.md", "pom.xml", "smsim", ".ci", "scenarios", "simulator/pom.xml",
        "simulator/ARCHITECTURE.md", "simulator/src/main", "benchmarks/pom.xml", "benchmarks/src", "benchmarks/live", "benchmarks/load")) {
      Path p = root.resolve(top);
      if (Files.isDirectory(p)) {
        try (Stream<Path> files = Files.walk(p)) {
          files.filter(Files::isRegularFile).forEach(scanned::add);
        }
      } else if (Files.isRegularFile(p)) {
        scanned.add(p);
      }
    }
    assertThat(scanned).as("files scanned").hasSizeGreaterThan(100);
    List<String> offenders = new ArrayList<>();
    for (Path file : scanned) {
      String text;
      try {
        text = Files.readString(file);
      } catch (MalformedInputException binary) {
        continue;
      }
      String name = root.relativize(file).toString().replace('\\', '/');
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (POINTS_OUTSIDE.matcher(lines[i]).find() && !PENDING.containsKey(name)) {
          offenders.add(name + ":" + (i + 1) + ": " + lines[i].strip());
        }
      }
    }
    assertThat(offenders).as("lines pointing outside the repository").isEmpty();
    for (String pending : PENDING.keySet()) {
      assertThat(POINTS_OUTSIDE.matcher(Files.readString(root.resolve(pending))).find())
          .as(pending + " no longer points outside: remove it from PENDING").isTrue();
    }
  }
}
