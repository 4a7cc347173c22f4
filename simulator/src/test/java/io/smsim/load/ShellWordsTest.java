package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ShellWords} splits as a POSIX shell does: checked on the quoting rules' own cases, and on
 * random command lines (fixed seed) against {@code /bin/sh} itself, which prints each word it
 * would pass to a command NUL-terminated.
 */
class ShellWordsTest {

  @Test
  void quotingRulesOfPosixShellCommandLanguage() {
    assertThat(ShellWords.split("kill -9 1234")).containsExactly("kill", "-9", "1234");
    assertThat(ShellWords.split("  a \t b  ")).containsExactly("a", "b");
    assertThat(ShellWords.split("systemctl stop 'my service'")).containsExactly("systemctl", "stop", "my service");
    assertThat(ShellWords.split("echo \"a b\"c'd e'")).containsExactly("echo", "a bcd e");
    assertThat(ShellWords.split("a\\ b \\'c")).containsExactly("a b", "'c");
    assertThat(ShellWords.split("x '' \"\"")).containsExactly("x", "", "");
    assertThat(ShellWords.split("x '\\n' \"\\n\" \"\\\\\" \"\\\"\"")).containsExactly("x", "\\n", "\\n", "\\", "\"");
    assertThat(ShellWords.split("x a\\\nb \\\n c")).containsExactly("x", "ab", "c");
    assertThat(ShellWords.split("x '$HOME' '*' \"a|b\" \\$ a=b")).containsExactly("x", "$HOME", "*", "a|b", "$", "a=b");
    assertThat(ShellWords.split("x a\\")).containsExactly("x", "a\\");
  }

  @Test
  void shellSyntaxIsRefusedWithItsColumnNotPassedOnLiterally() {
    assertThatThrownBy(() -> ShellWords.split("kill $(cat pid)")).hasMessageContaining("column 6")
        .hasMessageContaining("--shell");
    assertThatThrownBy(() -> ShellWords.split("a | b")).hasMessageContaining("column 3");
    assertThatThrownBy(() -> ShellWords.split("a; b")).hasMessageContaining("column 2");
    assertThatThrownBy(() -> ShellWords.split("a > f")).hasMessageContaining("redirects");
    assertThatThrownBy(() -> ShellWords.split("rm /tmp/*.pid")).hasMessageContaining("pattern");
    assertThatThrownBy(() -> ShellWords.split("cat ~/pid")).hasMessageContaining("home");
    assertThatThrownBy(() -> ShellWords.split("echo \"$x\"")).hasMessageContaining("column 7");
    assertThatThrownBy(() -> ShellWords.split("X=1 cmd")).hasMessageContaining("assignment");
    assertThatThrownBy(() -> ShellWords.split("a\nb")).hasMessageContaining("newline");
    assertThatThrownBy(() -> ShellWords.split("echo 'a")).hasMessageContaining("unterminated single quote");
    assertThatThrownBy(() -> ShellWords.split("echo \"a")).hasMessageContaining("unterminated double quote");
    assertThatThrownBy(() -> ShellWords.split("  ")).hasMessageContaining("empty");
  }

  @Test
  void randomCommandLinesSplitAsBinShSplitsThem(@TempDir Path empty) throws Exception {
    assumeThat(Files.isExecutable(Path.of("/bin/sh"))).as("/bin/sh is needed to compare with").isTrue();
    String alphabet = "ab  \t''\"\"\\\\\n";
    String special = "*$=#~|";
    SplittableRandom random = new SplittableRandom(18);
    int compared = 0;
    for (int k = 0; k < 200; k++) {
      StringBuilder b = new StringBuilder();
      int length = 1 + random.nextInt(12);
      for (int i = 0; i < length; i++) {
        String from = random.nextInt(40) == 0 ? special : alphabet;
        b.append(from.charAt(random.nextInt(from.length())));
      }
      String line = b.toString();
      List<String> ours;
      try {
        ours = ShellWords.split("X " + line);
      } catch (IllegalArgumentException e) {
        if (e.getMessage().contains("unterminated")) {
          assertThat(sh(line, empty)).as("sh also refuses %s", line).isNull();
        }
        continue;
      }
      assertThat(ours).as("split of %s", line).isEqualTo(sh(line, empty));
      compared++;
    }
    assertThat(compared).as("lines compared with sh").isGreaterThan(30);
  }

  /** The words sh passes to printf for {@code X line}, or null when sh reports a syntax error. */
  private static List<String> sh(String line, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\0' X " + line).directory(dir.toFile())
        .redirectErrorStream(false).start();
    byte[] out;
    try (InputStream in = p.getInputStream()) {
      out = in.readAllBytes();
    }
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    if (p.exitValue() != 0) {
      return null;
    }
    List<String> words = new ArrayList<>();
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    for (byte x : out) {
      if (x == 0) {
        words.add(w.toString(StandardCharsets.UTF_8));
        w.reset();
      } else {
        w.write(x);
      }
    }
    return words;
  }
}
