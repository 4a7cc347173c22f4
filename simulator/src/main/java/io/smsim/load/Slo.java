package io.smsim.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * Service-level objectives a run must meet, e.g. {@code ack.p99<50ms,e2e.p99<2s,errors<0.1%}.
 *
 * <p>Grammar: comma-separated clauses {@code metric op value[unit]}; spaces are allowed around the
 * parts. Metrics: {@code ack.} or {@code e2e.} followed by {@code p50}, {@code p90}, {@code p99},
 * {@code p999}, {@code max} or {@code mean} (a latency: unit {@code us}, {@code ms} or {@code s},
 * required); {@code errors}, {@code timeouts}, {@code lost}, {@code duplicated}, {@code late},
 * {@code blocked} (a count, or a share of all requests with {@code %}); {@code ok} (a share, with
 * {@code %}); {@code rate} (requests put on the wire per second, optionally {@code /s}). Operators:
 * {@code <}, {@code <=}, {@code >}, {@code >=}. A malformed objective is an
 * {@link IllegalArgumentException} that names its 1-based position.
 *
 * <p>The failover bench ({@link #parseFailover}) also knows the event's times,
 * {@value #FAILOVER_TIMES_TEXT} (durations, unit required; an event that did not happen breaches
 * every objective on it), and {@code failed}, the requests of the outage that failed (a count, or a
 * share of all requests); see {@link ExternalMeasures}.
 */
public final class Slo {

  /** A comparison operator. */
  public enum Op {
    LT("<"), LE("<="), GT(">"), GE(">=");

    private final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }

    boolean test(double actual, double limit) {
      return switch (this) {
        case LT -> actual < limit;
        case LE -> actual <= limit;
        case GT -> actual > limit;
        case GE -> actual >= limit;
      };
    }
  }

  /** What a clause's value measures. */
  enum Kind { LATENCY, COUNT, SHARE, RATE }

  /**
   * One objective; {@code limit} in the metric's canonical unit: milliseconds, a count, a fraction
   * (0.001 for 0.1%), or requests per second.
   */
  public record Clause(String text, String metric, Op op, double limit, Kind kind, String unit) {
  }

  /** A clause checked against a run. */
  public record Verdict(Clause clause, double actual, boolean met) {
    /** {@code e2e.p99 < 2s breached: 3.41s}. */
    public String breachLine() {
      return objective() + " breached: " + actualText();
    }

    /** {@code e2e.p99 < 2s met: 1.2s}, or the breach line. */
    public String line() {
      return met ? objective() + " met: " + actualText() : breachLine();
    }

    /** The objective written out evenly: {@code e2e.p99 < 2s}. */
    public String objective() {
      return clause.metric() + " " + clause.op().symbol() + " " + limitText();
    }

    public String limitText() {
      return clause.text().substring(clause.text().indexOf(clause.op().symbol()) + clause.op().symbol().length())
          .trim();
    }

    /** The measured value in the clause's unit. */
    public String actualText() {
      if (Double.isNaN(actual)) {
        return "no samples";
      }
      return switch (clause.kind()) {
        case LATENCY -> Format.number(round(inUnit(actual, clause.unit()))) + clause.unit();
        case SHARE -> Format.number(round(100 * actual)) + "%";
        case COUNT -> Format.number(actual);
        case RATE -> Format.number(round(actual)) + "/s";
      };
    }
  }

  private static final List<String> LATENCY_STATS = List.of("p50", "p90", "p99", "p999", "max", "mean");
  private static final List<String> COUNTERS = List.of("errors", "timeouts", "lost", "duplicated", "late", "blocked");
  static final String FAILOVER_TIMES_TEXT = "onset, detection, switchover, recovery, gap, failback";
  /** The failover bench's times, seconds after the fault (gap: the longest stretch without a success). */
  static final List<String> FAILOVER_TIMES = List.of(FAILOVER_TIMES_TEXT.split(", "));

  private Slo() {
  }

  /** Parses the objectives; an empty text has none. */
  public static List<Clause> parse(String text) {
    return parse(text, false);
  }

  /** Parses the failover bench's objectives: the load's, and the event's times and {@code failed}. */
  public static List<Clause> parseFailover(String text) {
    return parse(text, true);
  }

  private static List<Clause> parse(String text, boolean failover) {
    List<Clause> clauses = new ArrayList<>();
    if (text.isBlank()) {
      return clauses;
    }
    int start = 0;
    while (true) {
      int comma = text.indexOf(',', start);
      int end = comma < 0 ? text.length() : comma;
      clauses.add(clause(text, start, end, failover));
      if (comma < 0) {
        return clauses;
      }
      start = comma + 1;
    }
  }

  private static Clause clause(String all, int from, int to, boolean failover) {
    int i = skip(all, from, to);
    int m = i;
    while (i < to && (Character.isLetterOrDigit(all.charAt(i)) || all.charAt(i) == '.')) {
      i++;
    }
    String metric = all.substring(m, i);
    if (metric.isEmpty()) {
      throw error(all, m, "expected a metric (ack.p99, e2e.p50, errors, timeouts, lost, duplicated, ok, rate ...)");
    }
    Kind kind = kindOf(metric, all, m, failover);
    i = skip(all, i, to);
    int o = i;
    while (i < to && "<>=".indexOf(all.charAt(i)) >= 0) {
      i++;
    }
    Op op = switch (all.substring(o, i)) {
      case "<" -> Op.LT;
      case "<=" -> Op.LE;
      case ">" -> Op.GT;
      case ">=" -> Op.GE;
      default -> throw error(all, o, "expected an operator <, <=, > or >= after " + metric);
    };
    i = skip(all, i, to);
    int n = i;
    while (i < to && (Character.isDigit(all.charAt(i)) || all.charAt(i) == '.')) {
      i++;
    }
    double value;
    try {
      value = Double.parseDouble(all.substring(n, i));
    } catch (NumberFormatException e) {
      throw error(all, n, "expected a number after " + metric + " " + op.symbol());
    }
    int u = i;
    while (i < to && !Character.isWhitespace(all.charAt(i))) {
      i++;
    }
    String unit = all.substring(u, i);
    if (skip(all, i, to) != to) {
      throw error(all, skip(all, i, to), "unexpected text after the value (separate objectives with commas)");
    }
    return build(all.substring(from, to).trim(), metric, op, value, unit, kind, all, u);
  }

  private static Clause build(String text, String metric, Op op, double value, String unit, Kind kind, String all,
      int at) {
    switch (kind) {
      case LATENCY -> {
        double ms = switch (unit) {
          case "us" -> value / 1000;
          case "ms" -> value;
          case "s" -> value * 1000;
          default -> throw error(all, at, metric + " is a latency: give a unit us, ms or s" + got(unit));
        };
        return new Clause(text, metric, op, ms, Kind.LATENCY, unit);
      }
      case RATE -> {
        if (!unit.isEmpty() && !unit.equals("/s")) {
          throw error(all, at, "rate is in requests per second: no unit or /s" + got(unit));
        }
        return new Clause(text, metric, op, value, Kind.RATE, "/s");
      }
      default -> {
        if (unit.equals("%")) {
          if (value > 100) {
            throw error(all, at - 1, "a share must be at most 100%: " + Format.number(value) + "%");
          }
          return new Clause(text, metric, op, value / 100, Kind.SHARE, "%");
        }
        if (metric.equals("ok")) {
          throw error(all, at, "ok is a share of all requests: give it in %" + got(unit));
        }
        if (!unit.isEmpty()) {
          throw error(all, at, metric + " is a count, or a share with %" + got(unit));
        }
        return new Clause(text, metric, op, value, Kind.COUNT, "");
      }
    }
  }

  private static Kind kindOf(String metric, String all, int at, boolean failover) {
    if (failover && FAILOVER_TIMES.contains(metric)) {
      return Kind.LATENCY;
    }
    if (failover && metric.equals("failed")) {
      return Kind.COUNT;
    }
    int dot = metric.indexOf('.');
    if (dot >= 0) {
      String family = metric.substring(0, dot);
      String stat = metric.substring(dot + 1);
      if ((family.equals("ack") || family.equals("e2e")) && LATENCY_STATS.contains(stat)) {
        return Kind.LATENCY;
      }
      throw error(all, at, "unknown metric " + metric + "; latencies are ack.* or e2e.* with "
          + String.join(", ", LATENCY_STATS));
    }
    if (COUNTERS.contains(metric) || metric.equals("ok")) {
      return Kind.COUNT;
    }
    if (metric.equals("rate")) {
      return Kind.RATE;
    }
    throw error(all, at, "unknown metric " + metric + "; known: ack.*, e2e.*, " + String.join(", ", COUNTERS)
        + ", ok, rate" + (failover ? ", failed, " + FAILOVER_TIMES_TEXT : ""));
  }

  /** Checks every clause against a run. */
  public static List<Verdict> evaluate(List<Clause> clauses, LoadResult r) {
    List<Verdict> out = new ArrayList<>();
    for (Clause c : clauses) {
      double actual = actual(c, r);
      out.add(new Verdict(c, actual, c.op().test(actual, c.limit())));
    }
    return out;
  }

  /** A clause checked against a measured value (canonical unit; NaN: no value, a breach). */
  static Verdict verdict(Clause c, double actual) {
    return new Verdict(c, actual, c.op().test(actual, c.limit()));
  }

  /** The clause's metric of a load run, in its canonical unit. */
  static double actual(Clause c, LoadResult r) {
    if (c.kind() == Kind.LATENCY) {
      Histogram h = c.metric().startsWith("ack.") ? r.latency().ack() : r.latency().e2e();
      if (h.getTotalCount() == 0) {
        return Double.NaN; // no samples: every comparison fails, so the objective is breached
      }
      String stat = c.metric().substring(4);
      double us = switch (stat) {
        case "max" -> h.getMaxValue();
        case "mean" -> h.getMean();
        case "p999" -> h.getValueAtPercentile(99.9);
        default -> h.getValueAtPercentile(Double.parseDouble(stat.substring(1)));
      };
      return us / 1000;
    }
    if (c.kind() == Kind.RATE) {
      return r.sends().achievedPerSecond();
    }
    long n = switch (c.metric()) {
      case "errors" -> r.outcomes().errorCount();
      case "timeouts" -> r.outcomes().timeouts();
      case "lost" -> r.accounting().lost();
      case "duplicated" -> r.accounting().duplicated();
      case "late" -> r.sends().late();
      case "blocked" -> r.sends().blocked();
      case "ok" -> r.outcomes().ok();
      default -> throw new IllegalStateException(c.metric());
    };
    long total = r.outcomes().total();
    return c.kind() == Kind.SHARE ? (total == 0 ? 0 : (double) n / total) : n;
  }

  private static double inUnit(double ms, String unit) {
    return switch (unit) {
      case "us" -> ms * 1000;
      case "s" -> ms / 1000;
      default -> ms;
    };
  }

  private static double round(double v) {
    double a = Math.abs(v);
    double scale = a >= 100 ? 10 : a >= 1 ? 100 : 1000;
    return Math.round(v * scale) / scale;
  }

  private static int skip(String s, int i, int to) {
    while (i < to && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static String got(String unit) {
    return unit.isEmpty() ? "" : ", not " + unit;
  }

  private static IllegalArgumentException error(String all, int at, String message) {
    return new IllegalArgumentException(String.format(Locale.ROOT, "--slo at position %d: %s: %s", at + 1, message,
        all));
  }
}
