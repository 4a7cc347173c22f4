package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smsim.ClosedPort;
import io.smsim.cli.Main;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.apache.maven.plugin.surefire.log.api.NullConsoleLogger;
import org.apache.maven.plugins.surefire.report.ReportTestCase;
import org.apache.maven.plugins.surefire.report.ReportTestSuite;
import org.apache.maven.plugins.surefire.report.TestSuiteXmlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code smsim load} on the command line: bad input in one line (exit 2), SLO breaches (exit 1), its files. */
class LoadCommandTest {

  private record Run(int exit, String out, String err) {
  }

  private static final Pattern CALLBACK = Pattern.compile("final responses: POST to (http://127\\.0\\.0\\.1:\\d+/responses)");

  private static Run run(String... args) {
    return run(line -> { }, args);
  }

  /** Runs the command; {@code errLines} sees each line written to standard error as it is written. */
  private static Run run(Consumer<String> errLines, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Writer tee = new Writer() {
      private final StringBuilder line = new StringBuilder();

      @Override
      public void write(char[] c, int off, int len) {
        err.write(c, off, len);
        for (int i = off; i < off + len; i++) {
          if (c[i] == '\n') {
            errLines.accept(line.toString());
            line.setLength(0);
          } else {
            line.append(c[i]);
          }
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(tee, true));
    return new Run(exit, out.toString(), err.toString());
  }

  private static void badInput(String expected, String... args) {
    Run r = run(args);
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
    // one line; an option whose value does not parse adds picocli's "Try 'smsim load --help'."
    String err = r.err().strip().replace("\nTry 'smsim load --help'.", "");
    assertThat(err).as("one line").doesNotContain("\n").startsWith("smsim: " + expected);
  }

  @Test
  void badOptionsAreOneClearLineAndExit2() throws Exception {
    badInput("--rate must be a positive number of requests per second", "load", "--target", "http://127.0.0.1:9",
        "--rate", "-5");
    badInput("--slo at position 8: expected an operator <, <=, > or >= after ack.p99", "load", "--target",
        "http://127.0.0.1:9", "--slo", "ack.p99=50ms");
    badInput("--target must be an http://host:port URL", "load", "--target", "ftp://127.0.0.1/x");
    badInput("Invalid value for option '--duration': not a duration (e.g. 250ms, 90s, 15m, 1h30m, 2d): soon", "load",
        "--target", "http://127.0.0.1:9", "--duration", "soon");
    badInput("--mix: unknown SRV 9.9.9", "load", "--target", "http://127.0.0.1:9", "--mix", "9.9.9=1");
    badInput("--connections must be in [1, 10000]: 0", "load", "--target", "http://127.0.0.1:9", "--connections", "0");
    badInput("give --rate R or --profile SCENARIO, not both", "load", "--target", "http://127.0.0.1:9", "--rate", "5",
        "--profile", "x.yaml");
    try (ClosedPort closed = new ClosedPort()) {
      badInput("cannot connect to http://127.0.0.1:" + closed.port(), "load", "--target",
          "http://127.0.0.1:" + closed.port(), "--ack-only", "--duration", "1s", "--quiet");
    }
  }

  @Test
  void aBreachedObjectiveExits1WithItsLineAndTheRunsFilesAreWritten(@TempDir Path dir) throws Exception {
    // the callback receiver binds port 0 (the default) and says where it listens before the first send;
    // the stub learns the URL from that line. The run ends as soon as every request has its outcome, so
    // a long response timeout costs nothing on an idle machine and keeps a loaded one from timing out.
    try (StubTarget stub = new StubTarget()) {
      Path out = dir.resolve("run");
      Run r = run(line -> {
        Matcher m = CALLBACK.matcher(line);
        if (m.find()) {
          stub.callback = URI.create(m.group(1));
        }
      }, "load", "--target", stub.url().toString(), "--rate", "100", "--duration", "1s", "--threads", "1",
          "--connections", "4", "--response-timeout", "60s", "--grace", "200ms",
          "--slo", "ack.p99<1us,errors<1%,lost<=0", "--out", out.toString());
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
      assertThat(stub.callback).as("the callback URL was printed").isNotNull();
      assertThat(r.out()).contains("requests  100 = ok 100 + errors 0 + timeouts 0 + in flight 0")
          .containsPattern("(?m)^SLO {7}ack\\.p99 < 1us breached: \\d+(\\.\\d+)?us$")
          .contains("SLO       errors < 1% met: 0%");

      JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
      assertThat(summary.at("/requests/total").asLong()).isEqualTo(100);
      assertThat(summary.at("/requests/balanced").asBoolean()).isTrue();
      assertThat(summary.at("/lost/count").asLong()).isZero();
      assertThat(summary.at("/latencyMs/e2e/count").asLong()).isEqualTo(100);
      assertThat(summary.at("/slo/0/met").asBoolean()).isFalse();
      assertThat(Files.readString(out.resolve("lost.txt"))).isEmpty();
      assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"smsim-data\"").contains("\"runs\":[");

      Set<String> tags = new HashSet<>();
      long count = 0;
      HistogramLogReader log = new HistogramLogReader(out.resolve("results.hlog").toFile());
      for (EncodableHistogram h = log.nextIntervalHistogram(); h != null; h = log.nextIntervalHistogram()) {
        tags.add(h.getTag());
        count += "ack".equals(h.getTag()) ? ((org.HdrHistogram.Histogram) h).getTotalCount() : 0;
      }
      assertThat(tags).contains("ack", "e2e", "e2e.north", "e2e.central", "e2e.south");
      assertThat(count).as("ack samples in the interval log").isEqualTo(100);
    }
  }

  @Test
  void ackOnlyRunMeetingItsObjectivesExits0(@TempDir Path dir) throws Exception {
    try (StubTarget stub = new StubTarget()) {
      Run r = run("load", "--target", stub.url() + "/api/v1/serviceS", "--rate", "50", "--duration", "1s",
          "--ack-only", "--threads", "1", "--connections", "2", "--grace", "0s", "--slo", "errors<=0,rate>=49/s",
          "--no-report", "--out", dir.toString());
      assertThat(r.exit()).as(r.out() + r.err()).isZero();
      assertThat(r.out()).contains("requests  50 = ok 50").contains("ack-only");
      assertThat(r.err()).as("what it does, no error").contains("sending for 1 s").doesNotContain("smsim:");
      Run quiet = run("load", "--target", stub.url() + "/api/v1/serviceS", "--rate", "50", "--duration", "1s",
          "--ack-only", "--threads", "1", "--connections", "2", "--grace", "0s", "--no-report", "--quiet", "--out",
          dir.resolve("q").toString());
      assertThat(quiet.exit()).isZero();
      assertThat(quiet.out()).as("--quiet: only the files").startsWith("wrote ").doesNotContain("requests ");
      assertThat(quiet.err()).isEmpty();
      assertThat(dir.resolve("report.html")).doesNotExist();
    }
  }

  @Test
  void formatJsonPrintsTheSummaryAndJUnitHasTheAccountingAndATestcasePerObjective(@TempDir Path dir) throws Exception {
    try (StubTarget stub = new StubTarget()) {
      Path junit = dir.resolve("load.xml");
      Run r = run("load", "--target", stub.url() + "/api/v1/serviceS", "--rate", "50", "--duration", "1s",
          "--ack-only", "--threads", "1", "--connections", "2", "--grace", "0s", "--no-report",
          "--slo", "errors<=0,ack.p99<1us", "--junit", junit.toString(), "--format", "json", "--out", dir.toString());
      assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(Main.EXIT_CHECK_FAILED);
      assertThat(r.out()).as("stdout is exactly summary.json").isEqualTo(Files.readString(dir.resolve("summary.json")));
      JsonNode summary = new ObjectMapper().readTree(r.out());
      assertThat(summary.at("/requests/total").asLong()).isEqualTo(50);
      assertThat(summary.at("/slo/0/met").asBoolean()).isTrue();
      assertThat(summary.at("/slo/1/met").asBoolean()).isFalse();
      assertThat(r.err()).as("progress and the files written go to stderr").contains("wrote ");

      List<ReportTestSuite> suites;
      try (InputStreamReader in = new InputStreamReader(Files.newInputStream(junit), StandardCharsets.UTF_8)) {
        suites = new TestSuiteXmlParser(new NullConsoleLogger()).parse(in);
      }
      List<ReportTestCase> cases = suites.stream().flatMap(s -> s.getTestCases().stream()).toList();
      assertThat(cases).as("the accounting identity and a testcase per objective").extracting(ReportTestCase::getName)
          .containsExactly("requests = ok + errors + timeouts + in flight", "errors <= 0", "ack.p99 < 1us");
      assertThat(cases).filteredOn(ReportTestCase::hasFailure).singleElement()
          .satisfies(c -> assertThat(c.getName()).isEqualTo("ack.p99 < 1us"));
    }
  }
}
