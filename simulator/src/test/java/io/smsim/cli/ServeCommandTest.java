package io.smsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TestPki;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandTest {

  private static final String SCENARIO = Path.of(System.getProperty("smsim.repoRoot", ".."), "scenarios",
      "live-north-leak.yaml").toString();

  private record Run(int exit, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void servesOnFreePortsForAWhileThenStops() {
    Run r = run("serve", SCENARIO, "--port", "0", "--admin-port", "0", "--time-scale", "60", "--for", "300ms");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("smsim serve live-north-leak").contains("/api/v1/serviceS").contains("north    primary")
        .contains("stopped after 300ms");
  }

  @Test
  void withoutAScenarioItServesTheBuiltInNetworkOfThreeRegionsWithDccBoxedsDevices() {
    Run r = run("serve", "--port", "0", "--admin-port", "0", "--for", "200ms");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("smsim serve dcc-boxed-default (built-in network)")
        .containsPattern("north +primary 127\\.0\\.0\\.1:\\d+ · secondary 127\\.0\\.0\\.1:\\d+ · 1007 devices")
        .containsPattern("central +primary .* · 1000 devices").containsPattern("south +primary .* · 1000 devices");
    Run set = run("serve", "--set", "regions.north.gateway.processLimit=-5", "--for", "1s");
    assertThat(set.exit()).as("--set applies to the built-in network").isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(set.err()).contains("--set regions.north.gateway.processLimit=-5").contains("must be positive");
  }

  @Test
  void aPortInUseIsBadInput() throws Exception {
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      Run r = run("serve", SCENARIO, "--port", String.valueOf(taken.getLocalPort()), "--admin-port", "0", "--for", "1s");
      assertThat(r.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
      assertThat(r.err()).startsWith("smsim: cannot listen on 127.0.0.1");
    }
  }

  @Test
  void badOptionsAreOneLineAndExit2() {
    Run scale = run("serve", SCENARIO, "--time-scale", "0");
    assertThat(scale.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(scale.err().strip()).isEqualTo("smsim: --time-scale must be in (0, 1000000]: 0.0");
    Run url = run("serve", SCENARIO, "--response-url", "ftp://127.0.0.1/x");
    assertThat(url.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(url.err()).contains("response URL must be http://host[:port]/path");
    Run runFor = run("serve", SCENARIO, "--for", "soon");
    assertThat(runFor.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(runFor.err().strip()).isEqualTo("smsim: Invalid value for option '--for': not a duration "
        + "(e.g. 250ms, 90s, 15m, 1h30m, 2d): soon\nTry 'smsim serve --help'.");
  }

  /**
   * A probe every millisecond is a valid replay (3.6 million probes over the hour) but, at
   * --time-scale 3600, 3.6 million real HTTP probes a second: serve refuses it before opening a port.
   */
  @Test
  void aPeriodThatTheTimeScaleTurnsIntoAFloodIsRefusedBeforeServing() {
    String[] fast = {"--set", "defaults.failover.interval=1ms"};
    Run validate = run("validate", SCENARIO, fast[0], fast[1]);
    assertThat(validate.exit()).as(validate.err()).isZero();
    Run r = run("serve", SCENARIO, fast[0], fast[1], "--time-scale", "3600", "--port", "0", "--admin-port", "0",
        "--for", "5s");
    assertThat(r.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(r.out()).doesNotContain("/api/v1/serviceS");
    assertThat(r.err().lines().toList()).hasSize(3).allMatch(l -> l.startsWith("smsim: " + SCENARIO + ": regions."))
        .anyMatch(l -> l.contains(": regions.north.failover.interval: 1ms at --time-scale 3600 gives 3,600,000 "
            + "failover probes a real second, more than the bound of 1,000 a second per periodic source"))
        .allMatch(l -> l.endsWith("use at least 3.6s, or --time-scale at most 1"));
    Run slower = run("serve", SCENARIO, fast[0], fast[1], "--time-scale", "1", "--port", "0", "--admin-port", "0",
        "--for", "100ms");
    assertThat(slower.exit()).as(slower.err()).isZero();
  }

  @Test
  void aTimeScaleThatFloodsTheAlertRuleOrOutrunsTheVirtualClockIsRefused() {
    Run minute = run("serve", SCENARIO, "--set", "defaults.failover.interval=1h", "--time-scale", "100000");
    assertThat(minute.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(minute.err().strip()).isEqualTo("smsim: --time-scale: 100,000 makes each region's alert rule tick "
        + "(every virtual minute) 1,667 times a real second, more than the bound of 1,000 a second per periodic "
        + "source; use --time-scale at most 60000");
    Run longRun = run("serve", SCENARIO, "--set", "defaults.failover.interval=1h", "--time-scale", "60000", "--for",
        "15h");
    assertThat(longRun.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(longRun.err()).startsWith("smsim: --for 15h at --time-scale 60000 would take the virtual clock past "
        + "its range (100 years after the scenario start); at this time scale --for may be at most 14h36m");
  }

  @Test
  void theBannerSaysWhetherRequestsAreVerifiedAndResponsesSigned(@TempDir Path dir) {
    Run plain = run("serve", SCENARIO, "--port", "0", "--admin-port", "0", "--for", "100ms");
    assertThat(plain.out()).contains("signatures requests not verified (no --trust)")
        .contains("final responses unsigned (no --sign-key/--sign-cert)");

    SigningCredential dsp = TestPki.credential(0x90B3_D51F_3000_0002L);
    Path trust = dir.resolve("trust");
    TestPki.writeCertificate(TestPki.credential(0x90B3_D51F_3001_0000L), createDirectory(trust).resolve("user.pem"));
    Path key = TestPki.writeKey(dsp, dir.resolve("dsp.key"));
    Path cert = TestPki.writeCertificate(dsp, dir.resolve("dsp.pem"));
    Run signed = run("serve", SCENARIO, "--port", "0", "--admin-port", "0", "--for", "100ms", "--trust", trust.toString(),
        "--sign-key", key.toString(), "--sign-cert", cert.toString());
    assertThat(signed.exit()).as(signed.err()).isZero();
    assertThat(signed.out()).contains("requests verified against 1 certificates in " + trust)
        .contains("certificate validity not checked, as DCC's validator")
        .contains("final responses signed by subject ");
  }

  @Test
  void signatureOptionMistakesAreOneLineAndExit2(@TempDir Path dir) {
    Run missing = run("serve", SCENARIO, "--trust", dir.resolve("nowhere").toString());
    assertThat(missing.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(missing.err().strip()).isEqualTo("smsim: --trust " + dir.resolve("nowhere")
        + ": no such folder or keystore file");
    Run empty = run("serve", SCENARIO, "--trust", dir.toString());
    assertThat(empty.err().strip()).isEqualTo("smsim: --trust " + dir + ": no certificates");
    Run half = run("serve", SCENARIO, "--sign-key", dir.resolve("k.pem").toString());
    assertThat(half.err().strip()).isEqualTo("smsim: --sign-key needs --sign-cert");
    Run policy = run("serve", SCENARIO, "--cert-validity", "sometimes");
    assertThat(policy.err().strip()).isEqualTo("smsim: --cert-validity must be enforce or ignore: sometimes");
  }

  private static Path createDirectory(Path p) {
    try {
      return java.nio.file.Files.createDirectories(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
