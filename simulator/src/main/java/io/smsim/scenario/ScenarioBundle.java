package io.smsim.scenario;

import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file as it was read: its name as given, its text and the command line's {@code --set}
 * overrides. It is what a {@link ScenarioFile} is made from, so the same file can be made again in
 * another JVM (a Spark executor) with no shared filesystem: {@link #open()} parses the text exactly
 * as the driver did, and every problem is located at the same {@code label:line:column}.
 *
 * @param label the file's name as given (the scenario's {@code source}; relative files it names are
 *     resolved against its directory)
 * @param text the file's text, as {@link YamlReader#text} checked it
 * @param overrides {@code path=value} overrides applied on top, as {@code --set}
 */
public record ScenarioBundle(String label, String text, List<String> overrides) implements Serializable {

  @Serial
  private static final long serialVersionUID = 1L;

  public ScenarioBundle {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(text, "text");
    overrides = List.copyOf(overrides);
  }

  /** Reads a scenario file (checked: a regular file, bounded in size, UTF-8). */
  public static ScenarioBundle read(Path file, List<String> overrides) {
    return new ScenarioBundle(file.toString(), YamlReader.text(file), overrides);
  }

  /**
   * Parses and binds the text with its overrides: the scenario, its variants and expectations;
   * the files it names (traces) are read next to the file ({@link InputResolver#besides}).
   */
  public ScenarioFile open() {
    return open(InputResolver.besides(label));
  }

  /** As {@link #open()}, reading the files it names where {@code files} says (e.g. a Spark executor's copies). */
  public ScenarioFile open(InputResolver files) {
    return ScenarioFile.of(this, files);
  }

  /** Short: the text is the file's, and a scenario's {@code toString} includes its origin. */
  @Override
  public String toString() {
    return "ScenarioBundle[" + label + ", " + text.length() + " chars, overrides=" + overrides + "]";
  }
}
