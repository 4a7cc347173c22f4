package io.smsim.live.dcc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;

/**
 * DCC's published DCC Boxed tooling where npm installed it: {@code @smartdcc/duis-sign-wrap} (the
 * signing and validation tool, {@code dist/tool.jar}, with DCC Boxed's test keys and certificates
 * inside) and {@code @smartdcc/duis-templates} (the Reference Test Data Set request templates). Both
 * are GPL: they are run and read in place at test time, never copied into the repository.
 *
 * <p>Where: the {@code node_modules} folder named by the system property {@code smsim.dccTooling}
 * or the environment variable {@code SMSIM_DCC_TOOLING} (as for {@code DccSchema}), else
 * {@code ~/.cache/smsim/npm/node_modules} (where {@code .ci/run} installs them with
 * {@code npm install --prefix}). Tests that need them are skipped, with the reason and the install
 * command, where they are absent.
 */
public record DccBoxedTools(Path jar, Path templates) {

  public static DccBoxedTools locate() {
    String configured = System.getProperty("smsim.dccTooling", System.getenv("SMSIM_DCC_TOOLING"));
    Path nodeModules = configured != null ? Path.of(configured)
        : Path.of(System.getProperty("user.home"), ".cache", "smsim", "npm", "node_modules");
    Path root = nodeModules.getParent() == null ? nodeModules : nodeModules.getParent();
    Path modules = nodeModules.resolve("@smartdcc");
    Path jar = modules.resolve("duis-sign-wrap").resolve("dist").resolve("tool.jar");
    Path templates = modules.resolve("duis-templates").resolve("templates");
    Assumptions.assumeTrue(Files.isRegularFile(jar) && Files.isDirectory(templates),
        "DCC Boxed tooling not installed at " + root + " (npm install --prefix " + root
        + " @smartdcc/duis-sign-wrap @smartdcc/duis-templates; .ci/run does this)");
    return new DccBoxedTools(jar, templates);
  }

  /** The request templates, in name order. */
  public List<Path> requestTemplates() throws IOException {
    try (Stream<Path> s = Files.list(templates)) {
      return s.filter(p -> p.getFileName().toString().endsWith("_REQUEST_DUIS.XML")).sorted().toList();
    }
  }

  /** Writes the jar's entries whose names end with one of {@code suffixes} into {@code dir} (a temporary folder). */
  public List<Path> extract(Path dir, String... suffixes) throws IOException {
    List<Path> out = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (ZipEntry e : java.util.Collections.list(zip.entries())) {
        String name = e.getName();
        if (e.isDirectory() || name.contains("/")) {
          continue;
        }
        for (String suffix : suffixes) {
          if (name.endsWith(suffix)) {
            try (InputStream in = zip.getInputStream(e)) {
              Path p = dir.resolve(name);
              Files.copy(in, p);
              out.add(p);
            }
            break;
          }
        }
      }
    }
    return out;
  }
}
