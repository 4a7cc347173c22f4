package io.smsim.analysis;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Number formatting for the analysis outputs. Deterministic (no locale, no platform defaults), so
 * the same statistics give the same bytes. Files are exact: {@link #plain} writes the shortest
 * decimal that reads back as the same double (a mean of 10798807.1 is written 10798807.1, not
 * rounded); the console rounds for people. Public so that the reports (report.html,
 * incident-review.md) print the console's very texts and the files' very numbers.
 */
public final class Numbers {

  private Numbers() {
  }

  /**
   * For CSV and JSON: an integer as such, else the shortest decimal that parses back to the same
   * double ({@link Double#toString}), in plain notation (no exponent); NaN → "".
   */
  public static String plain(double v) {
    if (!Double.isFinite(v)) {
      return "";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
  }

  /** For people: {@code 5,954}, {@code 41.2}, {@code 0.35}; NaN → "–". */
  public static String human(double v) {
    if (!Double.isFinite(v)) {
      return "–";
    }
    double a = Math.abs(v);
    String s;
    if (v == Math.rint(v) && a < 1e15) {
      s = String.format(Locale.ROOT, "%,d", (long) v);
    } else if (a >= 1000) {
      s = String.format(Locale.ROOT, "%,.0f", v);
    } else if (a >= 10) {
      s = String.format(Locale.ROOT, "%.1f", v);
    } else {
      s = String.format(Locale.ROOT, "%.2f", v);
    }
    return s.startsWith("-") && s.matches("-[0.,]+") ? s.substring(1) : s;
  }

  /** {@code mean [lo, hi]}; just the mean when every replication agreed; "–" when nothing applied. */
  public static String interval(Summary s, int replications) {
    if (s.n() == 0) {
      return "–";
    }
    StringBuilder b = new StringBuilder(human(s.mean()));
    if (s.hasCi() && !(s.ciLow() == s.mean() && s.ciHigh() == s.mean())) {
      b.append(" [").append(human(s.ciLow())).append(", ").append(human(s.ciHigh())).append(']');
    }
    if (s.n() < replications) {
      b.append(" n=").append(s.n());
    }
    return b.toString();
  }

  /** {@code 10:24 [10:22, 10:26]} for a time of day in minutes after midnight; as {@link #interval} otherwise. */
  public static String timeOfDayInterval(Summary s, int replications) {
    if (s.n() == 0) {
      return "–";
    }
    StringBuilder b = new StringBuilder(io.smsim.model.Times.timeOfDay(s.mean()));
    if (s.hasCi() && !(s.ciLow() == s.mean() && s.ciHigh() == s.mean())) {
      b.append(" [").append(io.smsim.model.Times.timeOfDay(s.ciLow())).append(", ")
          .append(io.smsim.model.Times.timeOfDay(s.ciHigh())).append(']');
    }
    if (s.n() < replications) {
      b.append(" n=").append(s.n());
    }
    return b.toString();
  }

  /** Like {@link #interval} with an explicit sign, for differences. */
  public static String signedInterval(Summary s, int replications) {
    if (s.n() == 0) {
      return "–";
    }
    String mean = human(s.mean());
    StringBuilder b = new StringBuilder(s.mean() > 0 && !mean.equals("0") ? "+" + mean : mean);
    if (s.hasCi() && !(s.ciLow() == s.mean() && s.ciHigh() == s.mean())) {
      b.append(" [").append(human(s.ciLow())).append(", ").append(human(s.ciHigh())).append(']');
    }
    if (s.n() < replications) {
      b.append(" n=").append(s.n());
    }
    return b.toString();
  }
}
