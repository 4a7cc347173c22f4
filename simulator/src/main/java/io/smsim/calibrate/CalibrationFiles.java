package io.smsim.calibrate;

import io.smsim.analysis.JsonFiles;
import io.smsim.analysis.Numbers;
import io.smsim.analysis.Summary;
import io.smsim.analysis.TextTable;
import io.smsim.scenario.Fact;
import io.smsim.scenario.MetricPath;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link CalibrationResult}: the console's two tables (fitted values with 95% intervals;
 * observed facts against the simulated means) and {@code calibration.json} (the same, exact, plus
 * every point evaluated). Facts and means are shown in their metric's unit: a time of day as
 * {@code 10:24}, an uncertainty of one as {@code ± 1m}.
 */
public final class CalibrationFiles {

  /** How the fit is made, as calibration.json states it. */
  static final String METHOD = "weighted least squares between the observed facts and the model's means over n "
      + "replications at each point (common random numbers: replication r draws from substream r at every point); "
      + "weights 1/(s^2 + u^2), s the metric's sd over the replications at the start and then at the first stage's "
      + "fit, u the fact's uncertainty; 95% CI of a parameter: fitted +- 1.96 se, se from the sandwich "
      + "A^-1 B A^-1 with A = J'WJ, B = J'W((1 + 1/n)S + U)WJ (J central differences, S the facts' covariance over "
      + "the replications), cut to the --fit range";

  private CalibrationFiles() {
  }

  public static void print(CalibrationResult r, PrintWriter out) {
    out.printf(Locale.ROOT, "%s · calibrate · seed %d · %d replications per point, common random numbers · %s%n",
        r.scenario(), r.seed(), r.replications(), r.method().key());
    out.printf(Locale.ROOT, "%d points in %.1f s on %d thread%s · regions simulated: %s%n", r.steps().size(),
        r.wallSeconds(), r.wallThreads(), r.wallThreads() == 1 ? "" : "s",
        String.join(", ", r.regions().stream().map(io.smsim.model.Region::key).toList()));
    out.println();
    TextTable p = new TextTable();
    p.row(List.of("parameter", "range", "start", "fitted", "95% CI"));
    for (CalibrationResult.Fitted f : r.parameters()) {
      FitParameter fp = f.parameter();
      p.row(List.of(fp.path(), fp.human(fp.low()) + ".." + fp.human(fp.high()), fp.human(f.start()),
          fp.human(f.fitted()), interval(f)));
    }
    p.print(out);
    out.println();
    out.printf(Locale.ROOT, "observed vs simulated at the fit (mean [95%% CI] over %d replications):%n",
        r.replications());
    TextTable t = new TextTable();
    t.row(List.of("fact", "observed", "simulated", "z"));
    for (CalibrationResult.FactFit f : r.facts()) {
      t.row(List.of(f.fact().metric().text(), observed(f.fact()), simulated(f.fact().metric(), f.simulated(),
          r.replications(), r.zone()), Double.isFinite(f.z()) ? String.format(Locale.ROOT, "%+.2f", f.z()) : "–"));
    }
    t.print(out);
    out.printf(Locale.ROOT, "z = (simulated mean − observed) / sqrt(s² + u²); objective (weighted sum of squares) "
        + "%s at the start, %s at the fit%n", Numbers.human(r.startObjective()), Numbers.human(r.objective()));
  }

  /** {@code [0.1010, 0.1236]}, with a note when cut to the range or not determined. */
  static String interval(CalibrationResult.Fitted f) {
    if (!f.identified()) {
      return "not determined by the facts";
    }
    FitParameter p = f.parameter();
    return "[" + p.human(f.ciLow()) + ", " + p.human(f.ciHigh()) + "]" + (f.cut() ? " (cut to the range)" : "");
  }

  /** {@code 10:24 ± 1m}, {@code 40 ± 10}. */
  static String observed(Fact f) {
    String u = f.uncertaintyText().isEmpty() ? "" : " ± " + f.uncertaintyText();
    return f.text() + u;
  }

  /** The simulated mean [95% CI]; an instant in the scenario's zone, as its facts are written ({@code 2019-04-02 10:24 [10:22, 10:26]}). */
  static String simulated(MetricPath metric, Summary s, int replications, java.time.ZoneId zone) {
    return metric.kind() == MetricPath.Kind.TIME_OF_DAY ? Numbers.timeOfDayInterval(s, replications)
        : metric.kind() == MetricPath.Kind.TIME ? time(s, replications, zone) : Numbers.interval(s, replications);
  }

  private static String time(Summary s, int replications, java.time.ZoneId zone) {
    if (s.n() == 0) {
      return "–";
    }
    StringBuilder b = new StringBuilder(io.smsim.model.Times.human(instant(s.mean()), zone));
    if (s.hasCi() && !(s.ciLow() == s.mean() && s.ciHigh() == s.mean())) {
      b.append(" [").append(io.smsim.model.Times.clock(instant(s.ciLow()), zone)).append(", ")
          .append(io.smsim.model.Times.clock(instant(s.ciHigh()), zone)).append(']');
    }
    if (s.n() < replications) {
      b.append(" n=").append(s.n());
    }
    return b.toString();
  }

  private static java.time.Instant instant(double epochSeconds) {
    return java.time.Instant.ofEpochSecond(Math.round(epochSeconds));
  }

  public static void writeJson(CalibrationResult r, Path file) {
    JsonFiles.write(file, g -> {
      g.writeStartObject();
      g.writeNumberField("contract", 1);
      g.writeStringField("kind", "calibration");
      g.writeStringField("scenario", r.scenario());
      g.writeStringField("source", r.source());
      g.writeNumberField("seed", r.seed());
      g.writeNumberField("replications", r.replications());
      g.writeStringField("optimiser", r.method().key());
      g.writeStringField("method", METHOD);
      g.writeArrayFieldStart("regions");
      for (var region : r.regions()) {
        g.writeString(region.key());
      }
      g.writeEndArray();
      JsonFiles.number(g, "wallSeconds", Math.round(r.wallSeconds() * 1000) / 1000.0);
      g.writeNumberField("wallThreads", r.wallThreads());
      g.writeArrayFieldStart("parameters");
      for (CalibrationResult.Fitted f : r.parameters()) {
        g.writeStartObject();
        g.writeStringField("path", f.parameter().path());
        g.writeStringField("unit", f.parameter().duration() ? "seconds" : "number");
        double unit = f.parameter().duration() ? 1e9 : 1;
        JsonFiles.number(g, "low", f.parameter().low() / unit);
        JsonFiles.number(g, "high", f.parameter().high() / unit);
        JsonFiles.number(g, "start", f.start() / unit);
        JsonFiles.number(g, "fitted", f.fitted() / unit);
        g.writeStringField("written", f.parameter().text(f.fitted()));
        JsonFiles.number(g, "se", f.se() / unit);
        JsonFiles.number(g, "ciLow", f.ciLow() / unit);
        JsonFiles.number(g, "ciHigh", f.ciHigh() / unit);
        g.writeBooleanField("ciCutToRange", f.cut());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("facts");
      for (CalibrationResult.FactFit f : r.facts()) {
        g.writeStartObject();
        g.writeStringField("metric", f.fact().metric().text());
        g.writeStringField("observedText", f.fact().text());
        JsonFiles.number(g, "observed", f.fact().value());
        JsonFiles.number(g, "uncertainty", f.fact().uncertainty());
        g.writeObjectFieldStart("simulated");
        JsonFiles.summaryFields(g, f.simulated());
        g.writeEndObject();
        JsonFiles.number(g, "weightSd", f.sd());
        JsonFiles.number(g, "z", f.z());
        g.writeEndObject();
      }
      g.writeEndArray();
      JsonFiles.number(g, "startObjective", r.startObjective());
      JsonFiles.number(g, "objective", r.objective());
      g.writeArrayFieldStart("points");
      for (CalibrationResult.Step s : r.steps()) {
        g.writeStartObject();
        g.writeNumberField("index", s.index());
        g.writeNumberField("stage", s.stage());
        g.writeArrayFieldStart("values");
        for (int j = 0; j < s.values().length; j++) {
          g.writeNumber(Numbers.plain(s.values()[j] / (r.parameters().get(j).parameter().duration() ? 1e9 : 1)));
        }
        g.writeEndArray();
        JsonFiles.number(g, "objective", s.objective());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** The comment block at the top of the calibrated scenario: by what, against which facts, with what result. */
  static List<String> notes(CalibrationResult r, List<String> command) {
    List<String> lines = new ArrayList<>();
    lines.add("---- calibrated by smsim calibrate (weighted least squares, " + r.method().key() + "; seed " + r.seed()
        + ", " + r.replications() + " replications per point, common random numbers) ----");
    lines.add("Against the facts in observed: below (simulated: mean [95% CI] at the fit):");
    for (CalibrationResult.FactFit f : r.facts()) {
      lines.add("  " + f.fact().metric().text() + " = " + observed(f.fact()) + "; simulated "
          + simulated(f.fact().metric(), f.simulated(), r.replications(), r.zone()));
    }
    lines.add("Fitted, each marked [calibrated] where it is set (95% CI):");
    for (CalibrationResult.Fitted f : r.parameters()) {
      FitParameter p = f.parameter();
      lines.add("  " + p.path() + " = " + p.human(f.fitted()) + " " + interval(f) + " (was " + p.human(f.start()) + ")");
    }
    lines.add("Command: " + String.join(" ", command));
    lines.add(io.smsim.scenario.SettingsWriter.HEADER_END.substring(2));
    return lines;
  }

  /** The comment on a calibrated setting's line. */
  static String mark(CalibrationResult.Fitted f) {
    return "[calibrated] by smsim calibrate against observed: " + f.parameter().human(f.fitted()) + " " + interval(f);
  }
}
