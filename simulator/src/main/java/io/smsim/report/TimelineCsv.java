package io.smsim.report;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import io.smsim.output.OutputFiles;
import io.smsim.metrics.IntervalRow;
import io.smsim.metrics.RunResult;
import io.smsim.model.Times;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Writes {@code timeline.csv}: one row per reporting interval, region and server, in long format
 * (pandas {@code read_csv} and R {@code read.csv} take it as is). Times are ISO-8601 UTC, with the
 * interval start also in the scenario's local time.
 */
public final class TimelineCsv {

  public static final String HEADER = "interval_start,interval_start_local,interval_end,region,server,role,state,"
      + "attempts,succeeded,failed,success_ratio,spawn_failed,requests_failed,births_failed,"
      + "processes_peak,processes_end,leaked_end,reaped,latency_p50_ms,latency_p99_ms";

  private TimelineCsv() {
  }

  public static void write(RunResult run, Path file) {
    ZoneId zone = ZoneId.of(run.timeZone());
    OutputFiles.write(file, out -> {
      Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      w.write(HEADER);
      w.write('\n');
      for (IntervalRow r : run.timeline()) {
        w.write(row(r, zone));
        w.write('\n');
      }
      w.flush();
    });
  }

  static String row(IntervalRow r, ZoneId zone) {
    return String.join(",", Times.utc(r.start()), Times.local(r.start(), zone), Times.utc(r.end()), r.region(),
        r.server(), r.role(), r.state(), Long.toString(r.attempts()), Long.toString(r.succeeded()),
        Long.toString(r.failed()), String.format(Locale.ROOT, "%.5f", r.successRatio()),
        Long.toString(r.spawnFailed()), Long.toString(r.requestsFailed()), Long.toString(r.birthsFailed()),
        Integer.toString(r.processesPeak()), Integer.toString(r.processesEnd()), Integer.toString(r.leakedEnd()),
        Long.toString(r.reaped()), String.format(Locale.ROOT, "%.1f", r.latencyP50Ms()),
        String.format(Locale.ROOT, "%.1f", r.latencyP99Ms()));
  }
}
