package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TestPki;
import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.model.Region;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code smsim load} speaks DUIS's two steps for critical SRVs: it sends the transform (command
 * variant 4), signs the GBCS pre-command that comes back and sends it as a signed pre-command
 * (command variant 5), and the request's outcome is what the device's command came to, never the
 * transform's I0. Against smsim serve, and against a stub that answers transforms in the other ways
 * a target may: by callback, without a pre-command, with a pre-command for another request.
 */
class CriticalRequestsTakeTheTransformTest {

  private static final String SCENARIO = """
      name: transform-load
      start: 2019-04-02T10:00
      end: 2019-04-02T12:00
      defaults:
        gateway:
          serviceTime: {install: 50ms, onDemand: 50ms, firmware: 50ms}
          deviceLatency: 200ms
        broker: {rtt: 10ms}
      regions: {north: {}, central: {}}
      devices: {north: {count: 50}, central: {count: 50}}
      """;

  @Test
  void againstServeEveryCriticalRequestIsTransformedSignedAndAnsweredByItsDevice() throws Exception {
    LoadResult r = againstServe(SCENARIO);
    LoadResult.Outcomes o = r.outcomes();
    assertThat(o.total()).isPositive();
    assertThat(o.balanced()).isTrue();
    assertThat(o.errors()).isEmpty();
    assertThat(o.timeouts()).isZero();
    assertThat(o.ok()).isEqualTo(o.total());
    assertThat(r.sends().signedPreCommands()).as("one signed pre-command per request").isEqualTo(o.total());
    assertThat(r.latency().e2e().getTotalCount()).as("each ended by its final response").isEqualTo(o.total());
    assertThat(r.accounting().unknown()).isZero();
    assertThat(r.accounting().duplicated()).isZero();
  }

  @Test
  void theOutcomeIsTheDevicesNotTheTransforms() throws Exception {
    // The WAN is down: every transform is still answered I0 with its pre-command, every device command fails.
    LoadResult r = againstServe(SCENARIO + """
        faults:
          - {kind: wan-outage, region: north, at: 2019-04-02T10:00}
          - {kind: wan-outage, region: central, at: 2019-04-02T10:00}
        """);
    LoadResult.Outcomes o = r.outcomes();
    assertThat(o.total()).isPositive();
    assertThat(o.ok()).isZero();
    assertThat(o.errors()).containsOnlyKeys("E20").containsEntry("E20", o.total());
    assertThat(r.sends().signedPreCommands()).isEqualTo(o.total());
  }

  @Test
  void aPreCommandThatComesInACallbackIsSignedAndSentOnceAConnectionIsFree() throws Exception {
    try (StubTarget stub = new StubTarget(); CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      stub.callback = receiver.url();
      stub.transform = StubTarget.Transform.BY_CALLBACK;
      LoadResult r = LoadRun.run(options(stub.url()), commissioning(), receiver, null, null, c -> { });
      LoadResult.Outcomes o = r.outcomes();
      assertThat(o.total()).isEqualTo(40);
      assertThat(o.ok()).isEqualTo(40);
      assertThat(r.sends().signedPreCommands()).isEqualTo(40);
      assertThat(stub.signedPreCommands.get()).as("each carried its pre-command unaltered and signed").isEqualTo(40);
      assertThat(stub.badSignedPreCommands.get()).isZero();
      assertThat(r.accounting().unknown()).isZero();
    }
  }

  @Test
  void withASignKeyPreCommandsAreSignedWithTheUsersKeyAndTheSummarySaysSo() throws Exception {
    SigningCredential user = TestPki.credential(LoadOptions.DEFAULT_ORIGINATOR);
    try (StubTarget stub = new StubTarget(); CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      stub.callback = receiver.url();
      stub.preCommandKey = user.certificate().getPublicKey();
      LoadOptions signing = options(stub.url()).withSignatures(new Signatures(null, DuisSigner.create(user)));
      LoadResult r = LoadRun.run(signing, commissioning(), receiver, null, null, c -> { });
      assertThat(r.outcomes().ok()).isEqualTo(40);
      assertThat(stub.verifiedPreCommandSignatures.get()).as("GBCS signatures that verify with the user's certificate")
          .isEqualTo(40);
      assertThat(r.sends().preCommandKey()).isEqualTo(LoadResult.PreCommandKey.SIGN_KEY);
      StringWriter console = new StringWriter();
      LoadConsole.print(r, List.of(), new PrintWriter(console));
      assertThat(console.toString()).contains("signed pre-commands 40 (with the --sign-key key)");
    }
    try (StubTarget stub = new StubTarget(); CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      stub.callback = receiver.url();
      stub.preCommandKey = user.certificate().getPublicKey();
      LoadResult r = LoadRun.run(options(stub.url()), commissioning(), receiver, null, null, c -> { });
      assertThat(r.outcomes().ok()).isEqualTo(40);
      assertThat(stub.signedPreCommands.get()).isEqualTo(40);
      assertThat(stub.verifiedPreCommandSignatures.get()).as("without --sign-key a run key signs").isZero();
      assertThat(r.sends().preCommandKey()).isEqualTo(LoadResult.PreCommandKey.RUN_KEY);
    }
  }

  @Test
  void aTransformWithoutAPreCommandOrWithAnotherRequestsIsTheRequestsOutcome() throws Exception {
    for (StubTarget.Transform how : new StubTarget.Transform[] {StubTarget.Transform.WITHOUT_PRE_COMMAND,
        StubTarget.Transform.FOREIGN_PRE_COMMAND}) {
      try (StubTarget stub = new StubTarget(); CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
        stub.callback = receiver.url();
        stub.transform = how;
        LoadResult r = LoadRun.run(options(stub.url()), commissioning(), receiver, null, null, c -> { });
        String code = how == StubTarget.Transform.WITHOUT_PRE_COMMAND ? Ledger.NO_PRE_COMMAND
            : PreCommandSigner.BAD_PRE_COMMAND;
        assertThat(r.outcomes().ok()).as(how.name()).isZero();
        assertThat(r.outcomes().errors()).as(how.name()).containsOnlyKeys(code).containsEntry(code, 40L);
        assertThat(r.sends().signedPreCommands()).isZero();
        assertThat(stub.signedPreCommands.get() + stub.badSignedPreCommands.get()).as("nothing signed went out")
            .isZero();
        assertThat(r.latency().ack().getTotalCount()).as("one synchronous answer each").isEqualTo(40);
      }
    }
  }

  private static LoadResult againstServe(String yaml) throws Exception {
    Scenario scenario = ScenarioLoader.fromString("transform-load.yaml", yaml);
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      LiveEmulator serve = LiveEmulator.start(scenario, LiveOptions.defaults(1).withPorts(0, 0)
          .withResponseUrl(receiver.url()).withTimeScale(10), line -> { });
      try {
        return LoadRun.run(options(URI.create("http://127.0.0.1:" + serve.dspPort())),
            Traffic.fromScenario(scenario, Set.of(), Traffic.parseMix("8.1.1=1,8.7.1=1")), receiver, null, null,
            c -> { });
      } finally {
        serve.close();
      }
    }
  }

  /** 40 requests at 20/s; timeouts long enough for a loaded machine. */
  private static LoadOptions options(URI target) {
    return LoadOptions.defaults(target, new Pacing.Constant(20)).withDuration(TimeUnit.SECONDS.toNanos(2))
        .withConnections(4, 1).withTimeouts(TimeUnit.SECONDS.toNanos(30), TimeUnit.MILLISECONDS.toNanos(300));
  }

  private static Traffic commissioning() {
    return Traffic.standard(EnumSet.of(Region.NORTH), Traffic.parseMix("8.1.1"));
  }
}
