package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's examples reach {@code smsim serve} where it listens by default: every DUIS URL
 * ({@code /api/v1/...}, a {@code load --target}) uses serve's default {@code --port}, every admin URL
 * ({@code /admin/...}, {@code /metrics}) its default {@code --admin-port}, and the prose names the same
 * numbers. A default changed in one place and not the other fails here.
 */
class ReadmePortsTest {

  private static final Pattern DUIS = Pattern.compile(
      "(?:127\\.0\\.0\\.1|localhost):(\\d+)/api/v1/|--target http://(?:127\\.0\\.0\\.1|localhost):(\\d+)");
  private static final Pattern ADMIN = Pattern.compile("(?:127\\.0\\.0\\.1|localhost):(\\d+)/(?:admin/|metrics)");
  /** A load balancer's front end in a recipe (HAProxy's {@code bind}): a target, but not serve's port. */
  private static final Pattern BALANCER = Pattern.compile("\\bbind (?:127\\.0\\.0\\.1|localhost):(\\d+)");
  private static final Pattern PROSE = Pattern.compile("`--(port|admin-port)` \\((?:default )?(\\d+)\\)");

  @Test
  void theReadmesServeExamplesUseServesDefaultPorts() throws IOException {
    String readme = Files.readString(Path.of(System.getProperty("smsim.repoRoot", ".."), "README.md"));
    ServeCommand serve = new ServeCommand();
    List<Integer> duis = ports(DUIS, readme);
    duis.removeAll(ports(BALANCER, readme));
    List<Integer> admin = ports(ADMIN, readme);
    assertThat(duis).as("DUIS ports in the README's examples").isNotEmpty().containsOnly(serve.port);
    assertThat(admin).as("admin ports in the README's examples").isNotEmpty().containsOnly(serve.adminPort);
    Matcher m = PROSE.matcher(readme);
    int stated = 0;
    while (m.find()) {
      int expected = m.group(1).equals("port") ? serve.port : serve.adminPort;
      assertThat(Integer.parseInt(m.group(2))).as(m.group()).isEqualTo(expected);
      stated++;
    }
    assertThat(stated).as("the README states the default ports in words").isGreaterThanOrEqualTo(2);
  }

  private static List<Integer> ports(Pattern p, String text) {
    List<Integer> ports = new ArrayList<>();
    Matcher m = p.matcher(text);
    while (m.find()) {
      String port = m.group(1) != null ? m.group(1) : m.group(2);
      ports.add(Integer.parseInt(port));
    }
    return ports;
  }
}
