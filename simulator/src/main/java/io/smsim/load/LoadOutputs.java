package io.smsim.load;

import io.smsim.output.OutputFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a load run in its output directory: {@code summary.json}, {@code lost.txt} and
 * {@code duplicated.txt} (every such RequestID, one a line), and {@code report.html}; the interval
 * log {@code results.hlog} is written during the run.
 */
public final class LoadOutputs {

  public static final String HLOG = "results.hlog";

  private LoadOutputs() {
  }

  /** Writes the files; returns their paths (the hlog first, when it exists). */
  public static List<Path> write(Path dir, LoadResult r, List<Slo.Verdict> slo, boolean report) {
    OutputFiles.prepareDirectory(dir);
    List<Path> written = new ArrayList<>();
    if (Files.exists(dir.resolve(HLOG))) {
      written.add(dir.resolve(HLOG));
    }
    written.add(writeString(dir.resolve("summary.json"), LoadSummaryJson.toJson(r, slo)));
    written.add(lines(dir.resolve("lost.txt"), r.accounting().lostIds()));
    written.add(lines(dir.resolve("duplicated.txt"), r.accounting().duplicatedIds()));
    if (report) {
      Path html = dir.resolve("report.html");
      LoadReportHtml.write(html, "smsim load · " + r.setup().target(), LoadReportHtml.loadHeader(r, slo),
          List.of(new LoadReportHtml.Run("run", "Over time", r, List.of(), -1)));
      written.add(html);
    }
    return written;
  }

  static Path lines(Path file, List<String> lines) {
    return writeString(file, lines.isEmpty() ? "" : String.join("\n", lines) + "\n");
  }

  private static Path writeString(Path file, String text) {
    return OutputFiles.writeString(file, text);
  }
}
