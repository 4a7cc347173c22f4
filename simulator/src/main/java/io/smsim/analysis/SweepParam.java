package io.smsim.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * One axis of a sweep, written {@code path=v1,v2,...} ({@code --param regions.north.reaper.period=30m,1h,2h}).
 * Values are YAML like {@code --set} values; commas inside brackets, braces or quotes do not
 * split, so {@code faults[0].probability=5%,8%} and {@code regions.north.reaper={period: 1h},none}
 * both work.
 */
public record SweepParam(String path, List<String> values) {

  public SweepParam {
    if (path == null || path.isBlank()) {
      throw new IllegalArgumentException("a sweep parameter needs a path");
    }
    values = List.copyOf(values);
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a sweep parameter needs at least one value: " + path);
    }
  }

  /** Parses {@code path=v1,v2,...}; the message says what is wrong. */
  public static SweepParam parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException("expected --param path=v1,v2,..., e.g. regions.north.reaper.period=30m,1h,2h: "
          + text);
    }
    String path = text.substring(0, eq).trim();
    List<String> values = split(text.substring(eq + 1));
    for (String v : values) {
      if (v.isBlank()) {
        throw new IllegalArgumentException("empty value in --param " + text);
      }
    }
    if (values.stream().distinct().count() != values.size()) {
      throw new IllegalArgumentException("a value is repeated in --param " + text);
    }
    return new SweepParam(path, values);
  }

  /** Splits at commas outside brackets, braces and quotes. */
  static List<String> split(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(cur.toString().trim());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    out.add(cur.toString().trim());
    return out;
  }

  /** The grid: every combination of the parameters' values, the first parameter varying slowest. */
  public static List<List<String>> grid(List<SweepParam> params) {
    List<List<String>> points = new ArrayList<>();
    points.add(List.of());
    for (SweepParam p : params) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : points) {
        for (String v : p.values()) {
          List<String> point = new ArrayList<>(prefix);
          point.add(v);
          next.add(point);
        }
      }
      points = next;
    }
    return points;
  }
}
