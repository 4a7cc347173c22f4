package io.smsim.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.xmldsig.CertificateValidity;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TestPki;
import io.smsim.duis.xmldsig.TrustStore;
import io.smsim.live.LiveEmulator;
import io.smsim.live.LiveOptions;
import io.smsim.scenario.Scenario;
import io.smsim.scenario.ScenarioLoader;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code smsim load} speaks DUIS signatures: requests signed with the Service User's key pass
 * {@code smsim serve --trust}, and the DSP-signed final responses pass the generator's own check;
 * requests signed by a key the target does not trust are refused (ack:E1), and unsigned final
 * responses fail the generator's check (signature:missing) when it was asked to verify.
 */
class SignedLoadTest {

  private static final SigningCredential USER = TestPki.credential(LoadOptions.DEFAULT_ORIGINATOR);
  private static final SigningCredential DSP = TestPki.credential(0x90B3_D51F_3000_0002L);

  private static DuisVerifier trusting(SigningCredential c) {
    return DuisVerifier.create(TrustStore.of(List.of(c.certificate()), "test"), CertificateValidity.ENFORCE,
        Clock.systemUTC());
  }

  private static LoadResult run(Signatures serveSide, Signatures loadSide) throws Exception {
    Scenario scenario = ScenarioLoader.fromString("load-target.yaml", AgainstServeTest.SCENARIO);
    try (CallbackReceiver receiver = CallbackReceiver.bind("127.0.0.1", 0)) {
      LiveEmulator serve = LiveEmulator.start(scenario, LiveOptions.defaults(1).withPorts(0, 0)
          .withResponseUrl(receiver.url()).withTimeScale(10).withSignatures(serveSide), line -> { });
      try {
        LoadOptions options = LoadOptions.defaults(URI.create("http://127.0.0.1:" + serve.dspPort()),
            new Pacing.Constant(30)).withDuration(TimeUnit.SECONDS.toNanos(1)).withConnections(4, 1)
            .withTimeouts(TimeUnit.SECONDS.toNanos(20), TimeUnit.MILLISECONDS.toNanos(200)).withSignatures(loadSide);
        return LoadRun.run(options, Traffic.fromScenario(scenario, Set.of(), null), receiver, null, null, c -> { });
      } finally {
        serve.close();
      }
    }
  }

  @Test
  void signedRequestsPassTheTargetsCheckAndSignedResponsesPassTheGenerators() throws Exception {
    LoadResult r = run(new Signatures(trusting(USER), DuisSigner.create(DSP)),
        new Signatures(trusting(DSP), DuisSigner.create(USER)));
    assertThat(r.outcomes().total()).isEqualTo(30);
    assertThat(r.outcomes().ok()).isEqualTo(30);
    assertThat(r.outcomes().errors()).isEmpty();
  }

  @Test
  void anUntrustedSignerIsRefusedAndUnsignedResponsesFailVerification() throws Exception {
    LoadResult untrusted = run(new Signatures(trusting(USER), null),
        new Signatures(null, DuisSigner.create(TestPki.credential(LoadOptions.DEFAULT_ORIGINATOR))));
    assertThat(untrusted.outcomes().errors()).isEqualTo(Map.of("ack:E1", 30L));

    LoadResult unsigned = run(Signatures.none(), new Signatures(trusting(DSP), DuisSigner.create(USER)));
    assertThat(unsigned.outcomes().errors()).isEqualTo(Map.of("signature:missing", 30L));
  }

  @Test
  void aSigningCertificateOfAnotherPartyThanTheOriginatorIsBadInput() {
    LoadOptions o = LoadOptions.defaults(URI.create("http://127.0.0.1:1"), new Pacing.Constant(1));
    org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
        .isThrownBy(() -> o.withSignatures(new Signatures(null, DuisSigner.create(DSP))))
        .withMessageContaining("--sign-cert is 90-B3-D5-1F-30-00-00-02's certificate, but requests come from "
            + "--originator 90-B3-D5-1F-30-01-00-00");
  }
}
