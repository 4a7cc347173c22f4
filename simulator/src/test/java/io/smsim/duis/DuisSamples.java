package io.smsim.duis;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The public DUIS samples in {@code ../shared/duis-samples} next to the repository (DCC Reference
 * Test Data Set via SmartDCCInnovation duis-templates and duis-parser), read in place, never copied.
 * Tests that need them are skipped, with the reason, where the folder is absent.
 */
public final class DuisSamples {

  private static final Pattern REQUEST_ID = Pattern.compile("(<sr:RequestID>[^<]*:)(\\d+)(</sr:RequestID>)");

  private DuisSamples() {
  }

  /**
   * {@code xml} with its RequestID's counter replaced by {@code counter}, as a Service User makes a
   * fresh counter for every request (DCC's signing tool rewrites it when it signs); the samples and
   * templates reuse a few RequestIDs, and a DSP refuses a RequestID it has seen. Unchanged when the
   * document has no {@code sr:RequestID}.
   */
  public static String withCounter(String xml, long counter) {
    Matcher m = REQUEST_ID.matcher(xml);
    return m.find() ? m.replaceFirst(Matcher.quoteReplacement(m.group(1) + counter + m.group(3))) : xml;
  }

  /** The samples folder; skips the calling test (or class, from {@code @BeforeAll}) when it is absent. */
  public static Path folder() {
    String root = System.getProperty("smsim.repoRoot");
    Assumptions.assumeTrue(root != null, "smsim.repoRoot not set");
    Path samples = Path.of(root, "..", "shared", "duis-samples").normalize();
    Assumptions.assumeTrue(Files.isDirectory(samples), "no DUIS samples at " + samples);
    return samples;
  }

  /** The sample files whose names end with {@code suffix}, in name order. */
  public static List<Path> files(Path folder, String suffix) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
    }
  }
}
