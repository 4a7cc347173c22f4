package io.smsim.load;

import static io.smsim.load.BenchJson.round;

import io.smsim.output.OutputFiles;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.smsim.report.Html;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The failover bench's table (console and report), {@code bench.json} and {@code report.html}.
 * Times in the table are seconds after the fault.
 */
public final class BenchOutputs {

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final List<String> HEAD = List.of("policy", "rate/s", "onset", "detect", "switchover", "failovers",
      "restart", "failed", "lost", "duplicated", "lost in flight", "recovery", "resolved by", "accounted");

  private BenchOutputs() {
  }

  /** The table's heading: a {@code run} column after the rate when there are repeats. */
  static String[] head(FailoverBench.Plan plan) {
    List<String> h = new ArrayList<>(HEAD);
    if (plan.repeats() > 1) {
      h.add(2, "run");
    }
    return h.toArray(new String[0]);
  }

  /** The table's rows, one per policy × rate × repeat. */
  static List<String[]> rows(FailoverBench.Plan plan, List<FailoverBench.Outcome> outcomes) {
    List<String[]> rows = new ArrayList<>();
    for (FailoverBench.Outcome o : outcomes) {
      BenchMeasures m = o.measures();
      List<String> row = new ArrayList<>(List.of(o.policy(), Format.number(o.rate()), Format.seconds(round(m.onset())),
          Format.seconds(round(m.detect())), Double.isNaN(m.switchover()) ? "-" : Format.seconds(round(m.switchover())),
          Integer.toString(m.failovers()), Double.isNaN(m.restart()) ? "-" : Format.seconds(round(m.restart())),
          Format.count(m.failedInEvent()), Format.count(m.lost()), Format.count(m.duplicated()),
          Format.count(m.lostInFlight()), Format.seconds(round(m.recovery())), m.resolvedBy(),
          o.load().outcomes().balanced() ? "yes" : "NO"));
      if (plan.repeats() > 1) {
        row.add(2, Integer.toString(o.repeat()));
      }
      rows.add(row.toArray(new String[0]));
    }
    return rows;
  }

  public static void printTable(FailoverBench.Plan plan, List<FailoverBench.Outcome> outcomes, PrintWriter out) {
    out.println(title(plan));
    BenchMeasures any = outcomes.get(0).measures();
    out.printf(Locale.ROOT, "configured: detection %s (interval × failureThreshold), switchover %s; real time%n",
        Format.seconds(round(any.configuredDetect())), Format.seconds(round(any.configuredSwitchover())));
    String[] head = head(plan);
    List<String[]> rows = rows(plan, outcomes);
    int[] width = new int[head.length];
    for (int c = 0; c < head.length; c++) {
      width[c] = head[c].length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    line(head, width, out);
    for (String[] r : rows) {
      line(r, width, out);
    }
    out.println(legend(plan));
    for (FailoverBench.Outcome o : outcomes) {
      for (Slo.Verdict v : o.slo()) {
        out.println("SLO " + o.policy() + " " + Format.number(o.rate()) + "/s"
            + (plan.repeats() > 1 ? " run " + o.repeat() : "") + ": " + v.line());
      }
    }
    if (plan.repeats() > 1) {
      RepeatSummary.print(FailoverBench.summaries(outcomes), plan.repeats(), "policy rate/s", out);
    }
    out.flush();
  }

  private static void line(String[] cells, int[] width, PrintWriter out) {
    StringBuilder b = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(width[c] - cells[c].length());
      b.append(c == 0 || c == cells.length - 2 ? cells[c] + pad : pad + cells[c]).append(c < cells.length - 1 ? "  " : "");
    }
    out.println(b.toString().stripTrailing());
  }

  static String title(FailoverBench.Plan plan) {
    return String.format(Locale.ROOT, "failover-bench %s · %s at %s · restart %s · time scale %s",
        plan.scenario().name(), plan.fault().describe(), Format.seconds(plan.warmupNanos() / 1e9),
        plan.restartAfterNanos() < 0 ? "none" : Format.seconds(plan.restartAfterNanos() / 1e9) + " after the fault",
        Format.number(plan.timeScale()));
  }

  static String legend(FailoverBench.Plan plan) {
    return String.format(Locale.ROOT, "times after the fault; onset = first failure beyond the pre-fault failure rate; "
        + "detect = onset -> failover decision; switchover = decision -> standby serving; failed = region's requests "
        + "sent from the fault to recovery that failed; lost = acknowledged, never answered; lost in flight = on a "
        + "failed or restarted server (answered E20); recovery = fault -> the first %d s at >= %s of the pre-fault "
        + "success ratio and <= %sx its e2e p99", plan.recoverySeconds(),
        Format.percent(Math.round(plan.recoverySuccessRatio() * 1000), 1000), Format.number(plan.recoveryP99Factor()));
  }

  /** Writes bench.json and report.html into {@code dir}; returns their paths. */
  public static List<Path> write(Path dir, FailoverBench.Plan plan, List<FailoverBench.Outcome> outcomes)
      throws IOException {
    Path json = dir.resolve("bench.json");
    OutputFiles.writeString(json, json(plan, outcomes, dir));
    Path html = dir.resolve("report.html");
    List<LoadReportHtml.Run> runs = new ArrayList<>();
    for (FailoverBench.Outcome o : outcomes) {
      runs.add(new LoadReportHtml.Run(o.dir().getFileName().toString(), o.policy() + " at " + Format.number(o.rate())
          + " requests/s" + (plan.repeats() > 1 ? ", run " + o.repeat() : ""), o.load(), markers(o.measures()),
          plan.fault().region().ordinal()));
    }
    LoadReportHtml.write(html, "smsim failover-bench · " + plan.scenario().name(), header(plan, outcomes), runs);
    return List.of(json, html);
  }

  private static List<LoadReportHtml.Marker> markers(BenchMeasures m) {
    List<LoadReportHtml.Marker> list = new ArrayList<>();
    double f = m.faultAtSeconds();
    list.add(new LoadReportHtml.Marker(f, "fault"));
    add(list, f, m.onset(), "first failure");
    add(list, f, m.decision(), "failover decision");
    add(list, f, m.decision() + m.switchover(), "switchover complete");
    add(list, f, m.restart(), "restart");
    add(list, f, m.recovery(), "recovered");
    return list;
  }

  private static void add(List<LoadReportHtml.Marker> list, double fault, double after, String label) {
    if (!Double.isNaN(after)) {
      list.add(new LoadReportHtml.Marker(fault + after, label));
    }
  }

  private static String header(FailoverBench.Plan plan, List<FailoverBench.Outcome> outcomes) {
    StringBuilder h = new StringBuilder("<header>\n<h1>Failover bench: ").append(Html.text(
        plan.scenario().name())).append("</h1>\n<p class=\"explain\">").append(Html.text(title(plan)))
        .append("</p>\n<table class=\"figures\" id=\"bench\"><thead><tr>");
    for (String c : head(plan)) {
      h.append("<th>").append(Html.text(c)).append("</th>");
    }
    h.append("</tr></thead><tbody>\n");
    for (String[] r : rows(plan, outcomes)) {
      h.append("<tr>");
      for (String c : r) {
        h.append("<td>").append(Html.text(c)).append("</td>");
      }
      h.append("</tr>\n");
    }
    BenchMeasures any = outcomes.get(0).measures();
    h.append("</tbody></table>\n<p class=\"explain\">").append(Html.text(legend(plan)))
        .append(". Configured: detection ").append(Format.seconds(round(any.configuredDetect())))
        .append(", switchover ").append(Format.seconds(round(any.configuredSwitchover())))
        .append(" (real time). Each run's charts follow, with the fault, the first failure, the failover decision, "
            + "the switchover, the restart and the recovery marked.</p>\n</header>\n");
    return h.toString();
  }

  static String json(FailoverBench.Plan plan, List<FailoverBench.Outcome> outcomes, Path dir) throws IOException {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(w)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeNumberField("contract", LoadSummaryJson.CONTRACT_VERSION);
      g.writeStringField("kind", "failover-bench");
      g.writeStringField("scenario", plan.scenario().name());
      g.writeStringField("fault", plan.fault().describe());
      g.writeNumberField("timeScale", plan.timeScale());
      g.writeNumberField("warmupSeconds", plan.warmupNanos() / 1e9);
      g.writeNumberField("restartAfterSeconds", plan.restartAfterNanos() < 0 ? -1 : plan.restartAfterNanos() / 1e9);
      g.writeNumberField("durationSeconds", plan.durationNanos() / 1e9);
      g.writeNumberField("repeats", plan.repeats());
      g.writeObjectFieldStart("recovery");
      g.writeNumberField("successRatio", plan.recoverySuccessRatio());
      g.writeNumberField("p99Factor", plan.recoveryP99Factor());
      g.writeNumberField("seconds", plan.recoverySeconds());
      g.writeEndObject();
      g.writeArrayFieldStart("runs");
      for (FailoverBench.Outcome o : outcomes) {
        run(o, dir, g);
      }
      g.writeEndArray();
      RepeatSummary.json(FailoverBench.summaries(outcomes), (s, gen) -> {
        FailoverBench.Outcome first = outcomes.get(s.firstRun());
        gen.writeStringField("policy", first.policy());
        gen.writeNumberField("rate", first.rate());
      }, g);
      g.writeBooleanField("passed", outcomes.stream().allMatch(FailoverBench.Outcome::passed));
      g.writeEndObject();
    }
    return w + "\n";
  }

  private static void run(FailoverBench.Outcome o, Path dir, JsonGenerator g) throws IOException {
    BenchMeasures m = o.measures();
    g.writeStartObject();
    g.writeStringField("policy", o.policy());
    g.writeNumberField("rate", o.rate());
    g.writeNumberField("repeat", o.repeat());
    g.writeStringField("dir", dir.relativize(o.dir()).toString());
    g.writeNumberField("faultAtSeconds", round(m.faultAtSeconds()));
    BenchJson.seconds("onsetSeconds", m.onset(), g);
    BenchJson.seconds("decisionSeconds", m.decision(), g);
    BenchJson.seconds("detectSeconds", m.detect(), g);
    BenchJson.seconds("switchoverSeconds", m.switchover(), g);
    BenchJson.seconds("restartSeconds", m.restart(), g);
    g.writeNumberField("failovers", m.failovers());
    g.writeNumberField("failedInEvent", m.failedInEvent());
    g.writeNumberField("regionRequests", m.regionRequests());
    g.writeNumberField("lost", m.lost());
    g.writeNumberField("duplicated", m.duplicated());
    g.writeNumberField("lostInFlight", m.lostInFlight());
    BenchJson.seconds("recoverySeconds", m.recovery(), g);
    g.writeStringField("resolvedBy", m.resolvedBy());
    g.writeObjectFieldStart("configured");
    g.writeNumberField("detectSeconds", round(m.configuredDetect()));
    g.writeNumberField("switchoverSeconds", round(m.configuredSwitchover()));
    g.writeEndObject();
    if (m.withinConfigured() == null) {
      g.writeNullField("withinConfigured");
    } else {
      g.writeBooleanField("withinConfigured", m.withinConfigured());
    }
    g.writeObjectFieldStart("baseline");
    g.writeNumberField("successRatio", round(m.baselineSuccess()));
    g.writeNumberField("e2eP99Ms", round(m.baselineP99Ms()));
    g.writeEndObject();
    g.writeArrayFieldStart("events");
    for (BenchMeasures.Event e : m.events()) {
      g.writeStartObject();
      g.writeNumberField("t", round(e.t()));
      g.writeStringField("kind", e.kind());
      g.writeStringField("server", e.server());
      g.writeStringField("detail", e.detail());
      g.writeEndObject();
    }
    g.writeEndArray();
    BenchJson.endRun(o.slo(), o.passed(), o.load(), g);
  }

}
