package io.smsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The ECharts every report inlines is a release with the 5.5.1 XSS fix, with its licences. */
class EchartsLibraryTest {

  @Test
  void theInlinedEchartsIsAtLeast551AndCarriesItsLicences() {
    EchartsLibrary lib = EchartsLibrary.get();
    int[] v = Arrays.stream(lib.version().split("\\.")).mapToInt(Integer::parseInt).toArray();
    assertThat(v[0] * 10_000 + v[1] * 100 + v[2]).as(lib.version()).isGreaterThanOrEqualTo(5_05_01);
    assertThat(lib.script()).contains("\"" + lib.version() + "\"").hasSizeGreaterThan(500_000);
    assertThat(lib.notice()).contains("Apache ECharts " + lib.version(), "Apache License", "Version 2.0",
        "d3").doesNotContain("-->");
  }
}
