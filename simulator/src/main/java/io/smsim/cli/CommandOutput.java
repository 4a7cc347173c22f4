package io.smsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one "write the files, then print" step of every command that writes files: each file is
 * written (all of them, before anything is printed, so a failure leaves no summary that promises
 * files), then stdout gets the console summary ({@code --format text}), or exactly the summary
 * file's JSON ({@code --format json}), and finally the list of files written ({@code wrote ...}:
 * stdout for text, stderr for json so stdout stays one JSON object).
 */
final class CommandOutput {

  /** Writes one file at the path it is given. */
  @FunctionalInterface
  interface FileWriter {
    void write(Path target) throws IOException;
  }

  /** Writes several files into a directory and returns them (e.g. the HTML report and its review). */
  @FunctionalInterface
  interface GroupWriter {
    List<Path> write(Path dir) throws IOException;
  }

  private final Path dir;
  private final List<Step> steps = new ArrayList<>();
  private Path jsonFile;

  private sealed interface Step permits One, Group {
  }

  private record One(Path path, FileWriter writer) implements Step {
  }

  private record Group(GroupWriter writer) implements Step {
  }

  private CommandOutput(Path dir) {
    this.dir = dir;
  }

  /** Files into {@code dir} (created if missing). */
  static CommandOutput in(Path dir) {
    return new CommandOutput(dir);
  }

  CommandOutput add(String name, FileWriter writer) {
    steps.add(new One(dir.resolve(name), writer));
    return this;
  }

  CommandOutput add(String name, String content) {
    return add(name, p -> Files.writeString(p, content, StandardCharsets.UTF_8));
  }

  CommandOutput addIf(boolean condition, GroupWriter writer) {
    if (condition) {
      steps.add(new Group(writer));
    }
    return this;
  }

  /** The file whose JSON object {@code --format json} prints (one of the files added). */
  CommandOutput json(String name) {
    this.jsonFile = dir.resolve(name);
    return this;
  }

  /** Writes every file, then prints; returns {@link Main#EXIT_OK}. */
  int writeThenPrint(PrintWriter out, CommonOptions common, FormatOption format, Consumer<PrintWriter> console)
      throws IOException {
    return writeThenPrint(out, out, common, format, console);
  }

  int writeThenPrint(PrintWriter out, PrintWriter err, CommonOptions common, FormatOption format,
      Consumer<PrintWriter> console) throws IOException {
    List<Path> written = write();
    boolean json = format != null && format.json();
    if (json) {
      if (jsonFile == null) {
        throw new IllegalStateException("no JSON file for --format json");
      }
      out.print(Files.readString(jsonFile, StandardCharsets.UTF_8));
      out.flush();
    } else if (!common.quiet) {
      console.accept(out);
    }
    PrintWriter where = json ? err : out;
    if (!json || !common.quiet) {
      where.println("wrote " + String.join(", ", written.stream().map(Path::toString).toList()));
    }
    where.flush();
    return Main.EXIT_OK;
  }

  /** Writes the files in order; returns them in order. */
  List<Path> write() throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Step s : steps) {
      if (s instanceof One o) {
        writeFile(o.path(), o.writer());
        written.add(o.path());
      } else if (s instanceof Group g) {
        written.addAll(g.writer().write(dir));
      }
    }
    return written;
  }

  /** The one place a file is written (harden's atomic writer slots in here). */
  private static void writeFile(Path path, FileWriter writer) throws IOException {
    writer.write(path);
  }
}
