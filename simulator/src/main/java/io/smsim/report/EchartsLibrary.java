package io.smsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Apache ECharts, from its npm package (the build runs {@code npm pack echarts@<version>}, checks
 * the tarball's SHA-512 and copies the files below to {@code io/smsim/report/echarts/} on the
 * classpath), so that {@code report.html} embeds it and works offline. We inline
 * {@code dist/echarts.common.min.js} (line, bar, scatter, mark areas and lines, data zoom; ~1 MB),
 * which bundles zrender and tslib. Version 5.5.1 and later fix the tooltip XSS of earlier 5.x
 * (SNYK-JS-ECHARTS-7300340); no webjar of those versions is served to this build, hence npm.
 *
 * <p>ECharts is under the Apache License 2.0, which allows redistribution with the licence notice
 * and the NOTICE file; its number utilities embed d3 code under BSD-3-Clause, whose notice must be
 * reproduced too. {@link #notice()} carries the NOTICE and both licences into the report, next to
 * the script (about 14 kB). Public for the load generator's report ({@code io.smsim.load}).
 */
public final class EchartsLibrary {

  private static final String BASE = "io/smsim/report/echarts/";

  private final String version;
  private final String script;
  private final String notice;

  private EchartsLibrary(String version, String script, String notice) {
    this.version = version;
    this.script = script;
    this.notice = notice;
  }

  /** The library, loaded once per JVM. */
  public static EchartsLibrary get() {
    return Holder.INSTANCE;
  }

  /** Lazy, thread-safe initialisation by the class loader. */
  private static final class Holder {
    static final EchartsLibrary INSTANCE = load();
  }

  private static EchartsLibrary load() {
    String version = read(BASE + "version.txt").strip();
    String script = read(BASE + "echarts.common.min.js");
    String notice = "Apache ECharts " + version + " (dist/echarts.common.min.js of the npm package echarts)"
        + " is embedded below under the Apache License, Version 2.0. Its NOTICE, its LICENSE and the licence of"
        + " the d3.js code it embeds follow.\n\n" + read(BASE + "NOTICE").strip() + "\n\n"
        + read(BASE + "LICENSE").strip() + "\n\n" + read(BASE + "LICENSE-d3").strip();
    return new EchartsLibrary(version, script, notice);
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = EchartsLibrary.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("resource not on the classpath: " + resource + " (the build copies it from the npm "
          + "package echarts; run mvn package)");
    }
    return in;
  }

  private static String read(String resource) {
    try (InputStream in = open(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  public String version() {
    return version;
  }

  /** The minified library, safe to place inside a {@code <script>} element. */
  public String script() {
    if (script.contains("</script")) {
      throw new IllegalStateException("echarts script contains </script");
    }
    return script;
  }

  /** Licence and notice text for a comment next to the script (contains no {@code -->}). */
  public String notice() {
    return notice.replace("--", "- -");
  }
}
