package io.smsim.analysis;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table for the console: columns as wide as their widest cell, two spaces apart. */
final class TextTable {

  private final List<List<String>> rows = new ArrayList<>();

  TextTable row(List<String> cells) {
    rows.add(List.copyOf(cells));
    return this;
  }

  boolean isEmpty() {
    return rows.size() <= 1;
  }

  void print(PrintWriter out) {
    int cols = rows.stream().mapToInt(List::size).max().orElse(0);
    int[] width = new int[cols];
    for (List<String> r : rows) {
      for (int c = 0; c < r.size(); c++) {
        width[c] = Math.max(width[c], r.get(c).length());
      }
    }
    for (List<String> r : rows) {
      StringBuilder b = new StringBuilder();
      for (int c = 0; c < r.size(); c++) {
        String cell = r.get(c);
        b.append(cell);
        if (c < r.size() - 1) {
          b.append(" ".repeat(width[c] - cell.length() + 2));
        }
      }
      out.println(b.toString().stripTrailing());
    }
  }
}
