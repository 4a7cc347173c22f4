package io.smsim.calibrate;

import io.smsim.metrics.RunResult;
import io.smsim.report.SummaryJson;
import io.smsim.scenario.InputFile;
import io.smsim.scenario.ScenarioFile;
import io.smsim.scenario.SettingsWriter;
import io.smsim.sim.Replay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the calibrated scenario: the original file with each fitted value set where it is written
 * (or inserted under its region) and marked {@code [calibrated]} with its interval, the command
 * line's {@code --set} overrides likewise, and notes at the top saying by what and against which
 * facts. Then it proves the file: replication 0 of the written scenario must give the same
 * summary as the fitted values set as overrides, or nothing is left behind.
 */
public final class CalibratedScenario {

  private CalibratedScenario() {
  }

  /**
   * @param overrides the command line's {@code --set path=value}s, written into the file too
   * @param command the command line, for the notes
   * @throws IllegalArgumentException when the target would break the scenario's relative paths
   */
  public static Path write(ScenarioFile file, CalibrationResult r, List<String> overrides, Path target,
      List<String> command) {
    Path source = Path.of(file.source()).toAbsolutePath();
    Path to = target.toAbsolutePath();
    if (!source.getParent().equals(to.getParent())) {
      for (InputFile in : file.inputFiles()) {
        if (!Path.of(in.written()).isAbsolute()) {
          throw new IllegalArgumentException("the scenario reads " + in.written() + " relative to its directory; write "
              + "the calibrated scenario next to it (--write " + source.getParent().resolve(to.getFileName()) + ")");
        }
      }
    }
    List<SettingsWriter.Edit> edits = new ArrayList<>();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      edits.add(new SettingsWriter.Edit(o.substring(0, eq).trim(), o.substring(eq + 1).trim(),
          "[set] on the command line of the calibration"));
    }
    List<String> fitted = new ArrayList<>();
    for (CalibrationResult.Fitted f : r.parameters()) {
      edits.add(new SettingsWriter.Edit(f.parameter().path(), f.parameter().text(f.fitted()),
          CalibrationFiles.mark(f)));
      fitted.add(f.parameter().override(f.fitted()));
    }
    String text;
    try {
      text = Files.readString(source, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source, e);
    }
    String written = SettingsWriter.rewrite(text, edits, CalibrationFiles.notes(r, command));
    Path tmp = to.resolveSibling(to.getFileName() + ".tmp");
    try {
      Files.writeString(tmp, written, StandardCharsets.UTF_8);
      prove(file, r, fitted, tmp);
      Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + to, e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        // a leftover temporary file is harmless
      }
    }
    return target;
  }

  /** Replication 0 of the written file and of the fitted overrides, regions as calibrated: the same summary. */
  private static void prove(ScenarioFile file, CalibrationResult r, List<String> fitted, Path written) {
    var regions = java.util.EnumSet.copyOf(r.regions());
    ScenarioFile again = ScenarioFile.load(written, List.of());
    RunResult fromFile = Replay.run(again.scenario().withRegions(regions), r.seed(), 0, null);
    RunResult fromFit = Replay.run(file.bind(null, fitted, "--fit").withRegions(regions), r.seed(), 0, null);
    if (!withoutWall(SummaryJson.toJson(fromFile)).equals(withoutWall(SummaryJson.toJson(fromFit)).replace(
        "\"source\" : " + quoted(file.source()), "\"source\" : " + quoted(written.toString())))) {
      throw new IllegalStateException("the calibrated scenario " + written + " does not replay as the fitted values "
          + "do; it was not written");
    }
  }

  private static String quoted(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static String withoutWall(String json) {
    StringBuilder b = new StringBuilder();
    json.lines().filter(l -> !l.trim().startsWith("\"wall")).forEach(l -> b.append(l).append('\n'));
    return b.toString();
  }
}
