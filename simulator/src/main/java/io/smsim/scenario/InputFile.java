package io.smsim.scenario;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file outside the scenario that a run reads (a traffic trace). A tool that runs the scenario
 * elsewhere (Spark) carries these along: re-create each at the same path relative to the scenario
 * file, or point the setting at the copy ({@code --set <setting>=<path>}).
 *
 * @param setting the scenario setting that names it, e.g. {@code regions.north.workload.onDemand.trace.file}
 * @param written the path as the scenario wrote it (relative paths are against the scenario's directory)
 * @param path the file as resolved, absolute
 */
public record InputFile(String setting, String written, Path path) {

  public InputFile {
    Objects.requireNonNull(setting, "setting");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(path, "path");
  }
}
