package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile YAML is refused before it is composed: alias bombs under the alias-count limit, deep
 * nesting, and the same through {@code --set}. Each runs in a JVM of its own with a 256 MB heap, as
 * a careless or hostile user's file would, and must end in seconds with one line and exit 2.
 */
class YamlBombTest {

  private static final String HEAD = """
      name: bomb
      start: 2019-04-01T00:00:00Z
      end: 2019-04-01T01:00:00Z
      regions: {north: {}}
      """;

  /** 26 anchors, each a list (or a map) of two aliases of the previous one: 2^26 nodes from 50 aliases. */
  static String aliasBomb(boolean maps) {
    StringBuilder b = new StringBuilder("{a0: &a0 [x, x]");
    for (int i = 1; i < 26; i++) {
      String prev = "*a" + (i - 1);
      b.append(", a").append(i).append(": &a").append(i)
          .append(maps ? " {l: " + prev + ", r: " + prev + "}" : " [" + prev + ", " + prev + "]");
    }
    return b.append("}").toString();
  }

  private static ForkedCli validate(Path tmp, String yaml, String... more) throws Exception {
    Path s = Files.writeString(tmp.resolve("s.yaml"), yaml);
    String[] args = new String[2 + more.length];
    args[0] = "validate";
    args[1] = s.toString();
    System.arraycopy(more, 0, args, 2, more.length);
    return ForkedCli.run(tmp, "256m", 60, args);
  }

  private static void assertRefused(ForkedCli r, String line) {
    assertThat(r.timedOut()).as("finished within the timeout").isFalse();
    assertThat(r.err()).doesNotContain("OutOfMemoryError", "StackOverflowError", "\tat ");
    assertThat(r.status()).as(r.err()).isEqualTo(2);
    String err = r.err().strip();
    assertThat(err).as("every error line starts with smsim: ").startsWith("smsim: ");
    assertThat(err.substring("smsim: ".length())).matches(line);
  }

  @Test
  void anAliasBombOfListsUnderTheAliasLimitIsRefusedWithItsLine(@TempDir Path tmp) throws Exception {
    assertRefused(validate(tmp, HEAD + "description: " + aliasBomb(false) + "\n"),
        ".*s\\.yaml:5:\\d+: the document expands to more than 100,000 nodes \\(aliases counted as the nodes they "
            + "repeat\\)");
  }

  @Test
  void anAliasBombOfMapsIsRefusedToo(@TempDir Path tmp) throws Exception {
    assertRefused(validate(tmp, HEAD + "description: " + aliasBomb(true) + "\n"),
        ".*s\\.yaml:5:\\d+: the document expands to more than 100,000 nodes .*");
  }

  @Test
  void flowNestingTwoThousandDeepIsRefusedWithoutAStackOverflow(@TempDir Path tmp) throws Exception {
    assertRefused(validate(tmp, HEAD + "description: " + "[".repeat(2000) + "]".repeat(2000) + "\n"),
        ".*s\\.yaml:5:77: nested deeper than 64 levels");
    assertRefused(validate(tmp, HEAD + "description: " + "{a: ".repeat(2000) + "}".repeat(2000) + "\n"),
        ".*s\\.yaml:5:\\d+: nested deeper than 64 levels");
  }

  @Test
  void anAliasThatNestsAShallowAnchorTooDeepIsRefused(@TempDir Path tmp) throws Exception {
    String deep40 = "[".repeat(40) + "x" + "]".repeat(40);
    assertRefused(validate(tmp, HEAD + "x: &d " + deep40 + "\ndescription: " + "[".repeat(40) + "*d"
        + "]".repeat(40) + "\n"), ".*s\\.yaml:6:\\d+: alias \\*d nests deeper than 64 levels where it stands");
  }

  @Test
  void theSameBombsThroughSetAreRefusedAsOneLine(@TempDir Path tmp) throws Exception {
    assertRefused(validate(tmp, HEAD, "--set", "description=" + aliasBomb(false)),
        "--set description=\\{a0: .{60,}\\.\\.\\.: description: value is not valid YAML \\(line 1, column \\d+ of "
            + "the value\\): the document expands to more than 100,000 nodes .*");
    assertRefused(validate(tmp, HEAD, "--set", "description=" + "[".repeat(2000) + "]".repeat(2000)),
        "--set description=\\[+\\.\\.\\.: description: value is not valid YAML \\(line 1, column 65 of the "
            + "value\\): nested deeper than 64 levels");
  }

  @Test
  void theSeedScenarioIsWellWithinTheBounds() throws IOException {
    Cli r = Cli.run("validate", Cli.scenarios().resolve("csp-north-2019-04-02.yaml").toString());
    assertThat(r.status()).as(r.err()).isZero();
  }
}
