package io.smsim.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.Endpoint;
import io.smsim.model.Region;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /metrics} is valid Prometheus text exposition, checked by a real parser: Prometheus's
 * own {@code promtool check metrics} (Debian package prometheus), else the Python client's parser
 * (Debian python3-prometheus-client). {@code .ci/run} installs the latter; the test is skipped, with
 * the reason, only where neither can be had.
 */
class MetricsExpositionTest {

  private static final String SCENARIO = """
      name: metrics
      start: 2019-04-02T10:00
      end: 2019-04-02T11:00
      defaults:
        gateway:
          serviceTime: {install: 100ms, onDemand: 100ms, firmware: 100ms}
          deviceLatency: 1s
      regions: {north: {}, south: {}}
      devices: {north: {count: 10}, south: {count: 10}}
      """;

  @Test
  void metricsParseAsPrometheusTextAndCountWhatHappened() throws Exception {
    try (LiveFixture live = LiveFixture.start(SCENARIO, 20)) {
      for (int i = 0; i < 4; i++) {
        live.post(Endpoint.SEND_COMMAND, live.read(Region.NORTH, i));
      }
      live.post(Endpoint.SEND_COMMAND, live.read(Region.SOUTH, 1));
      live.post(Endpoint.SEND_COMMAND, "not xml".getBytes(StandardCharsets.UTF_8));
      live.sink.await(5, 5_000);
      live.adminPost("/admin/faults", "{\"kind\":\"leak\",\"region\":\"north\",\"probability\":0.1}");
      HttpResponse<String> r = live.adminGet("/metrics");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.headers().firstValue("content-type").orElse("")).startsWith("text/plain; version=0.0.4");
      String text = r.body();
      assertThat(text)
          .contains("smsim_dsp_requests_total{code=\"I99\",endpoint=\"serviceS\"} 5.0")
          .contains("smsim_dsp_requests_total{code=\"E11\",endpoint=\"serviceS\"} 1.0")
          .contains("smsim_requests_total{code=\"I0\",outcome=\"success\",region=\"north\",server=\"primary\","
              + "srv=\"4.1.1\"} 4.0")
          .contains("smsim_request_latency_seconds_bucket{outcome=\"success\",region=\"south\",le=\"+Inf\"} 1")
          .contains("smsim_gateway_processes{region=\"north\",server=\"primary\",state=\"leaked\"}")
          .contains("smsim_gateway_active{region=\"north\",server=\"primary\"} 1.0")
          .contains("smsim_response_deliveries_total{result=\"delivered\"} 5.0");
      validate(text);
    }
  }

  /** Runs the first parser found; fails on a parse error; skips only when there is no parser at all. */
  static void validate(String exposition) throws IOException, InterruptedException {
    Path file = Files.createTempFile("smsim-metrics", ".prom");
    try {
      Files.writeString(file, exposition);
      String promtool = onPath("promtool");
      if (promtool != null) {
        Result r = run(List.of(promtool, "check", "metrics"), file);
        assertThat(r.exit()).as("promtool check metrics:\n" + r.output()).isZero();
        return;
      }
      for (String python : List.of("python3", "/usr/bin/python3")) {
        String exe = python.startsWith("/") ? (new File(python).canExecute() ? python : null) : onPath(python);
        if (exe == null || run(List.of(exe, "-c", "import prometheus_client"), null).exit() != 0) {
          continue;
        }
        Result r = run(List.of(exe, "-c", "import sys\n"
            + "from prometheus_client.parser import text_string_to_metric_families\n"
            + "fams = list(text_string_to_metric_families(sys.stdin.read()))\n"
            + "print(len(fams), 'families', sum(len(f.samples) for f in fams), 'samples')\n"), file);
        assertThat(r.exit()).as("prometheus_client parser:\n" + r.output()).isZero();
        assertThat(r.output()).matches("(?s)\\d+ families \\d+ samples.*");
        return;
      }
      Assumptions.abort("no Prometheus text parser here: install Debian's prometheus (promtool) or "
          + "python3-prometheus-client (.ci/run does)");
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private record Result(int exit, String output) {
  }

  private static Result run(List<String> command, Path stdin) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    if (stdin != null) {
      pb.redirectInput(stdin.toFile());
    }
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return new Result(-1, "timed out");
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }

  private static String onPath(String exe) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(File.pathSeparator)) {
      File f = new File(dir, exe);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    return null;
  }
}
