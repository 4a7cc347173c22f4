package io.smsim.analysis;

/** RFC 4180 quoting for the few CSV cells that may hold commas or quotes (sweep values, overrides). */
final class Csv {

  private Csv() {
  }

  static String cell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
