package io.smsim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Golden files: a machine-readable output compared, byte for byte, with the copy kept under
 * {@code simulator/src/test/resources/golden/}, after masking what may differ from run to run (the
 * {@code wall*} fields, JUnit's times; a load run's measured timings). Users parse these files: a
 * change to one fails here until it is made on purpose, by regenerating the copies
 * <pre>
 *   mvn -B -q -pl simulator test -Dtest='*Golden*' -Dsmsim.golden.update=true
 * </pre>
 * and reviewing {@code git diff simulator/src/test/resources/golden} before committing it.
 */
public final class GoldenFiles {

  /** The system property that rewrites the golden copies instead of comparing with them. */
  public static final String UPDATE = "smsim.golden.update";
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Map<String, String> replacements = new LinkedHashMap<>();

  /** Golden comparisons of files written under {@code scratch}, a test's temporary directory, written {@code <dir>}. */
  public GoldenFiles(Path scratch) {
    replacements.put(scratch.toString(), "<dir>");
  }

  /** Also writes {@code text} (an ephemeral port's URL, say) as {@code as}. */
  public GoldenFiles replacing(String text, String as) {
    replacements.put(text, as);
    return this;
  }

  /** {@code actual} (JSON) against golden {@code name}, every {@code wall*} field and any field {@code mask} names masked. */
  public void assertJson(String name, Path actual, BiPredicate<String, String> mask) throws IOException {
    JsonNode tree = JSON.readTree(actual.toFile());
    mask(tree, "", mask);
    DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    assertText(name, JSON.writer(pretty).writeValueAsString(tree) + "\n");
  }

  /** {@code actual} (JSON) against golden {@code name}, every {@code wall*} field masked. */
  public void assertJson(String name, Path actual) throws IOException {
    assertJson(name, actual, (path, field) -> false);
  }

  /** {@code actual} (CSV with a header) against golden {@code name}, every {@code wall*} column masked. */
  public void assertCsv(String name, Path actual) throws IOException {
    List<String> lines = Files.readAllLines(actual, StandardCharsets.UTF_8);
    List<Integer> wall = new ArrayList<>();
    String[] header = lines.isEmpty() ? new String[0] : lines.get(0).split(",", -1);
    for (int i = 0; i < header.length; i++) {
      if (header[i].startsWith("wall")) {
        wall.add(i);
      }
    }
    StringBuilder out = new StringBuilder();
    for (int n = 0; n < lines.size(); n++) {
      String[] cells = lines.get(n).split(",", -1);
      for (int i : wall) {
        if (n > 0 && i < cells.length) {
          cells[i] = "<wall>";
        }
      }
      out.append(String.join(",", cells)).append('\n');
    }
    assertText(name, out.toString());
  }

  /** JUnit XML against golden {@code name}, its times, timestamps and host name masked. */
  public void assertJUnitXml(String name, Path actual) throws IOException {
    String xml = Files.readString(actual, StandardCharsets.UTF_8)
        .replaceAll("\\b(time|timestamp|hostname)=\"[^\"]*\"", "$1=\"<wall>\"");
    assertText(name, xml);
  }

  /** {@code actual} against golden {@code name}, or written to it with {@code -Dsmsim.golden.update=true}. */
  public void assertText(String name, String text) throws IOException {
    String actual = text;
    for (Map.Entry<String, String> r : replacements.entrySet()) {
      actual = actual.replace(r.getKey(), r.getValue());
    }
    Path golden = dir().resolve(name);
    if (Boolean.getBoolean(UPDATE)) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
      return;
    }
    assertThat(golden).as("golden file " + golden + " (create it with -D" + UPDATE + "=true)").exists();
    assertThat(actual).as("%s differs from its golden copy %s; if the change is meant, regenerate: "
        + "mvn -B -q -pl simulator test -Dtest='*Golden*' -D%s=true", name, golden, UPDATE)
        .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }

  /** The golden copies in the source tree (the tests run in the module's directory). */
  static Path dir() {
    return Path.of(System.getProperty("smsim.repoRoot", ".."), "simulator", "src", "test", "resources", "golden");
  }

  private static void mask(JsonNode node, String path, BiPredicate<String, String> mask) {
    if (node instanceof ObjectNode o) {
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String f : names) {
        JsonNode child = o.get(f);
        if (f.startsWith("wall")) {
          o.set(f, TextNode.valueOf("<wall>"));
        } else if (mask.test(path, f) && !child.isContainerNode()) {
          o.set(f, TextNode.valueOf("<measured>"));
        } else {
          mask(child, path + "/" + f, mask);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (Iterator<JsonNode> it = a.elements(); it.hasNext(); ) {
        mask(it.next(), path + "/*", mask);
      }
    }
  }
}
