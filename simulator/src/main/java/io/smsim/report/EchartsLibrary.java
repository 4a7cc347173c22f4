package io.smsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Apache ECharts, read from the {@code org.webjars.npm:echarts} jar on the classpath so that
 * {@code report.html} embeds it and works offline. We inline {@code dist/echarts.common.min.js}
 * (line, bar, scatter, mark areas and lines, data zoom; ~650 kB), which bundles zrender and tslib.
 *
 * <p>ECharts is under the Apache License 2.0, which allows redistribution with the licence notice
 * and the NOTICE file; its number utilities embed d3 code under BSD-3-Clause, whose notice must be
 * reproduced too. {@link #notice()} carries the NOTICE and both licences into the report, next to
 * the script (about 14 kB). Public for the load generator's report ({@code io.smsim.load}).
 */
public final class EchartsLibrary {

  private static final String WEBJAR = "META-INF/resources/webjars/echarts/";
  private static final String POM_PROPERTIES = "META-INF/maven/org.webjars.npm/echarts/pom.properties";

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
    Properties pom = new Properties();
    try (InputStream in = open(POM_PROPERTIES)) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + POM_PROPERTIES, e);
    }
    String version = pom.getProperty("version");
    String base = WEBJAR + version + "/";
    String script = read(base + "dist/echarts.common.min.js");
    String notice = "Apache ECharts " + version + " (dist/echarts.common.min.js of the org.webjars.npm:echarts jar)"
        + " is embedded below under the Apache License, Version 2.0. Its NOTICE, its LICENSE and the licence of"
        + " the d3.js code it embeds follow.\n\n" + read(base + "NOTICE").strip() + "\n\n"
        + read(base + "LICENSE").strip() + "\n\n" + read(base + "licenses/LICENSE-d3").strip();
    return new EchartsLibrary(version, script, notice);
  }

  private static InputStream open(String resource) throws IOException {
    InputStream in = EchartsLibrary.class.getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      throw new IOException("resource not on the classpath: " + resource + " (the org.webjars.npm:echarts jar)");
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
