package io.smsim.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's table of timeline event kinds is exactly {@link EventKind}, in order, with its meanings. */
class EventKindDocumentedTest {

  @Test
  void theReadmeListsEveryEventKindWithItsMeaningAndNoOther() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    String table = readme.substring(readme.indexOf("<!-- event-kinds:"), readme.indexOf("<!-- /event-kinds -->"));
    List<String> documented = table.lines().filter(l -> l.startsWith("| `")).toList();
    List<String> expected = Arrays.stream(EventKind.values())
        .map(k -> "| `" + k.key() + "` | " + k.meaning() + " |").toList();
    assertThat(documented).containsExactlyElementsOf(expected);
  }
}
