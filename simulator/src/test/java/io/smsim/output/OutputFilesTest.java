package io.smsim.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputFilesTest {

  @Test
  void anExistingFileIsRefusedAsOutputDirectoryNamingPathAndWhy(@TempDir Path tmp) throws IOException {
    Path file = Files.writeString(tmp.resolve("taken"), "x");
    assertThatThrownBy(() -> OutputFiles.prepareDirectory(file)).isInstanceOf(OutputException.class)
        .hasMessage("cannot write to " + file + ": it exists and is not a directory")
        .extracting(e -> ((OutputException) e).stage()).isEqualTo(OutputException.Stage.CHECK);
    assertThatThrownBy(() -> OutputFiles.prepareDirectory(file.resolve("below")))
        .isInstanceOf(OutputException.class).hasMessageContaining("cannot write to " + file.resolve("below") + ": ");
  }

  @Test
  void kernelFileSystemsAreRefusedWhateverThePermissions() {
    for (String p : new String[] {"/proc/self", "/proc/smsim-out", "/sys/kernel/smsim", "/dev/shm/../null-dir"}) {
      assertThatThrownBy(() -> OutputFiles.prepareDirectory(Path.of(p))).isInstanceOf(OutputException.class)
          .hasMessageContaining("cannot write to " + p + ": it is under /");
    }
  }

  @Test
  void aDirectoryThatTakesNoFilesIsRefused(@TempDir Path tmp) throws IOException {
    assumeFalse("root".equals(System.getProperty("user.name")),
        "permission bits do not stop root; the kernel file system test covers an unwritable directory");
    Path ro = Files.createDirectory(tmp.resolve("ro"));
    Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      assertThatThrownBy(() -> OutputFiles.prepareDirectory(ro)).isInstanceOf(OutputException.class)
          .hasMessage("cannot write to " + ro + ": cannot create files in it: permission denied");
    } finally {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aMissingDirectoryIsCreatedAndLeftWithoutTheProbe(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("a/b/c");
    assertThat(OutputFiles.prepareDirectory(dir)).isEqualTo(dir);
    assertThat(dir).isDirectory();
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).isEmpty();
    }
  }

  @Test
  void aFailedWriteLeavesNoHalfWrittenFileAndTheOldOneWhole(@TempDir Path tmp) throws IOException {
    Path report = Files.writeString(tmp.resolve("report.html"), "the previous report");
    assertThatThrownBy(() -> OutputFiles.write(report, out -> {
      out.write(new byte[100_000]); // part of the file, then the disk is full
      throw new IOException("No space left on device");
    })).isInstanceOf(OutputException.class).hasMessage("cannot write " + report + ": No space left on device")
        .extracting(e -> ((OutputException) e).stage()).isEqualTo(OutputException.Stage.WRITE);
    assertThat(Files.readString(report)).isEqualTo("the previous report");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).containsExactly(report); // no temporary file left behind
    }
  }

  @Test
  void aWrittenFileAppearsWholeWithOrdinaryPermissions(@TempDir Path tmp) throws IOException {
    Path f = OutputFiles.writeString(tmp.resolve("summary.json"), "{}\n");
    assertThat(Files.readString(f, StandardCharsets.UTF_8)).isEqualTo("{}\n");
    assertThat(Files.getPosixFilePermissions(f)).containsAll(PosixFilePermissions.fromString("rw-r-----"));
    OutputFiles.writeString(f, "{\"again\": 1}\n");
    assertThat(Files.readString(f)).isEqualTo("{\"again\": 1}\n");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s).containsExactly(f);
    }
  }

  @Test
  void aNameBecomesOneSafePathSegment() {
    assertThat(OutputFiles.segment("..")).isEqualTo("scenario");
    assertThat(OutputFiles.segment(".")).isEqualTo("scenario");
    assertThat(OutputFiles.segment("../../x")).isEqualTo("x");
    assertThat(OutputFiles.segment("/etc/passwd")).isEqualTo("etc-passwd");
    assertThat(OutputFiles.segment("a\0b")).isEqualTo("a-b");
    assertThat(OutputFiles.segment("CSP North / 2 April")).isEqualTo("CSP-North-2-April");
    assertThat(OutputFiles.segment("csp-north-2019-04-02")).isEqualTo("csp-north-2019-04-02");
    assertThat(OutputFiles.segment("x".repeat(500))).hasSize(OutputFiles.MAX_SEGMENT);
    assertThat(OutputFiles.segment("`$(rm -rf ~)`")).isEqualTo("rm--rf");
  }
}
