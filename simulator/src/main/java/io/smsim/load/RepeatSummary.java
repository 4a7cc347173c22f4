package io.smsim.load;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * Both failover benches' runs summed up across {@code --repeats}: per group of runs (a rate, or a
 * policy and a rate) and per measure, in how many runs it happened, the median (Commons Math's
 * {@link Median}: the mean of the two middle values for an even count) and the range. A failover is
 * not a stationary process, so no interval is claimed: the median and the range are what the
 * repeats show. One place for the computation, the console table and the {@code summary} array of
 * {@code bench.json}.
 *
 * @param group the runs' common label ({@code 400}, {@code health-check 400})
 * @param firstRun the index of the group's first run in the runs summed up (what identifies the group)
 */
public record RepeatSummary(String group, int firstRun, int runs, List<Stat> stats) {

  public RepeatSummary {
    Objects.requireNonNull(group, "group");
    stats = List.copyOf(stats);
  }

  /** One measure across the repeats; NaN where it never happened. */
  public record Stat(String name, String unit, int n, double median, double min, double max) {
  }

  /** A measure of a run of type {@code T}: seconds ({@code s}) or a count ({@code requests}); NaN: did not happen. */
  public record Measure<T>(String name, String unit, ToDoubleFunction<T> value) {
  }

  /** One summary per group, in the order the groups first ran. */
  public static <T> List<RepeatSummary> of(List<T> runs, Function<T, String> group, List<Measure<T>> measures) {
    List<RepeatSummary> list = new ArrayList<>();
    for (String key : runs.stream().map(group).distinct().toList()) {
      List<T> mine = runs.stream().filter(o -> group.apply(o).equals(key)).toList();
      List<Stat> stats = new ArrayList<>();
      for (Measure<T> m : measures) {
        double[] v = mine.stream().mapToDouble(m.value()).filter(x -> !Double.isNaN(x)).toArray();
        if (v.length == 0) {
          stats.add(new Stat(m.name(), m.unit(), 0, Double.NaN, Double.NaN, Double.NaN));
          continue;
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        stats.add(new Stat(m.name(), m.unit(), v.length, new Median().evaluate(v), min, max));
      }
      list.add(new RepeatSummary(key, runs.indexOf(mine.get(0)), mine.size(), stats));
    }
    return list;
  }

  /**
   * The table: a heading line, then one row per group ({@code groupHead} names the first column), each
   * cell {@code median [min, max]} and {@code n=} when the measure happened in fewer runs than ran.
   */
  public static void print(List<RepeatSummary> summaries, int repeats, String groupHead, PrintWriter out) {
    out.println("summary: median [min, max] across " + repeats + " repeat" + (repeats == 1 ? "" : "s")
        + " per " + groupHead + "; times in seconds after the fault; n = runs where it happened");
    List<String> head = new ArrayList<>(List.of(groupHead));
    summaries.get(0).stats().forEach(s -> head.add(s.name()));
    List<String[]> rows = new ArrayList<>();
    for (RepeatSummary s : summaries) {
      List<String> row = new ArrayList<>(List.of(s.group()));
      for (Stat st : s.stats()) {
        row.add(cell(st, s.runs()));
      }
      rows.add(row.toArray(new String[0]));
    }
    int[] width = new int[head.size()];
    for (int c = 0; c < width.length; c++) {
      width[c] = head.get(c).length();
      for (String[] r : rows) {
        width[c] = Math.max(width[c], r[c].length());
      }
    }
    line(head.toArray(new String[0]), width, out);
    for (String[] r : rows) {
      line(r, width, out);
    }
  }

  private static String cell(Stat s, int runs) {
    if (s.n() == 0) {
      return "-";
    }
    boolean count = s.unit().equals("requests");
    String med = count ? Format.number(s.median()) : Format.number(round(s.median()));
    String range = s.min() == s.max() ? "" : " [" + (count ? Format.number(s.min()) : Format.number(round(s.min())))
        + ", " + (count ? Format.number(s.max()) : Format.number(round(s.max()))) + "]";
    return med + range + (s.n() < runs ? " n=" + s.n() : "");
  }

  private static void line(String[] cells, int[] width, PrintWriter out) {
    StringBuilder b = new StringBuilder("  ");
    for (int c = 0; c < cells.length; c++) {
      String pad = " ".repeat(width[c] - cells[c].length());
      b.append(c == 0 ? cells[c] + pad : pad + cells[c]).append("  ");
    }
    out.println(b.toString().stripTrailing());
  }

  /**
   * The {@code summary} array of {@code bench.json}: per group, {@code fields} writes what identifies
   * it (e.g. its rate), then {@code runs} and per measure its unit, n, median, min and max (null: never).
   */
  public static void json(List<RepeatSummary> summaries, GroupFields fields, JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("summary");
    for (RepeatSummary s : summaries) {
      g.writeStartObject();
      fields.write(s, g);
      g.writeNumberField("runs", s.runs());
      for (Stat st : s.stats()) {
        g.writeObjectFieldStart(st.name());
        g.writeStringField("unit", st.unit());
        g.writeNumberField("n", st.n());
        number("median", st.median(), g);
        number("min", st.min(), g);
        number("max", st.max(), g);
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Writes the fields that identify a group in {@code bench.json}. */
  public interface GroupFields {
    void write(RepeatSummary group, JsonGenerator g) throws IOException;
  }

  private static void number(String name, double v, JsonGenerator g) throws IOException {
    if (Double.isNaN(v)) {
      g.writeNullField(name);
    } else {
      g.writeNumberField(name, round(v));
    }
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
