package io.smsim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.stat.descriptive.rank.Median;

/**
 * The failover bench's runs of one rate summed up across repeats: per measure, in how many runs it
 * happened, the median (Commons Math's {@link Median}: the mean of the two middle values for an
 * even count) and the range. A failover is not a stationary process, so no interval is claimed:
 * the median and the range are what the repeats show.
 */
public record ExternalSummary(double rate, int runs, List<Stat> stats) {

  public ExternalSummary {
    stats = List.copyOf(stats);
  }

  /** One measure across the repeats; NaN where it never happened. */
  public record Stat(String name, String unit, int n, double median, double min, double max) {
  }

  /** The measures summed up, in this order. */
  private static final List<Column> MEASURES = List.of(
      new Column("onset", "s", o -> o.measures().onset()),
      new Column("detection", "s", o -> o.measures().detection()),
      new Column("switchover", "s", o -> o.measures().switchover()),
      new Column("recovery", "s", o -> o.measures().recovery()),
      new Column("gap", "s", o -> o.measures().gap()),
      new Column("failback", "s", o -> o.measures().failback()),
      new Column("failed", "requests", o -> o.measures().failedInEvent()),
      new Column("lost", "requests", o -> o.load().accounting().lost()));

  private record Column(String name, String unit, ToDoubleFunction<ExternalBench.Outcome> value) {
  }

  /** One summary per rate, in the order the rates ran. */
  public static List<ExternalSummary> of(List<ExternalBench.Outcome> outcomes) {
    List<ExternalSummary> list = new ArrayList<>();
    List<Double> rates = outcomes.stream().map(ExternalBench.Outcome::rate).distinct().toList();
    for (double rate : rates) {
      List<ExternalBench.Outcome> runs = outcomes.stream().filter(o -> o.rate() == rate).toList();
      List<Stat> stats = new ArrayList<>();
      for (Column m : MEASURES) {
        double[] v = runs.stream().mapToDouble(m.value()).filter(x -> !Double.isNaN(x)).toArray();
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
      list.add(new ExternalSummary(rate, runs.size(), stats));
    }
    return list;
  }
}
