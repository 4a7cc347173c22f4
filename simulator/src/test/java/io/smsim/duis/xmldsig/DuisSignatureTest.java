package io.smsim.duis.xmldsig;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smsim.duis.DuisRequest;
import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.DuisRequestParser;
import io.smsim.duis.RequestId;
import io.smsim.duis.xmldsig.SignatureRejectedException.Reason;
import io.smsim.model.SrvCatalogue;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Signing and verifying DUIS documents: what is signed verifies, and every way a signature can be
 * wrong is refused with its reason (altered content, altered SignedInfo, unknown or expired
 * certificate, a signer that is not the originator, a missing, duplicated or misplaced signature).
 */
class DuisSignatureTest {

  private static final long USER = 0x90B3_D51F_3001_0000L;
  private static final long OTHER_USER = 0x90B3_D51F_3002_0000L;
  private static final long DEVICE = 0x00DB_1234_5678_90A0L;
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final DuisRequestBuilder REQUESTS = DuisRequestBuilder.create(CATALOGUE);
  private static final SigningCredential USER_KEY = TestPki.credential(USER);
  private static final SigningCredential OTHER_KEY = TestPki.credential(OTHER_USER);
  private static final TrustStore TRUST = TrustStore.of(List.of(USER_KEY.certificate(), OTHER_KEY.certificate()), "test");
  private static final DuisVerifier VERIFIER = DuisVerifier.create(TRUST, CertificateValidity.ENFORCE, Clock.systemUTC());

  private static byte[] request(long counter) {
    return REQUESTS.build(CATALOGUE.find("4.1.1").orElseThrow(), new RequestId(USER, DEVICE, counter));
  }

  private static byte[] signed(long counter) {
    return DuisSigner.create(USER_KEY).sign(request(counter));
  }

  private static Reason refusal(byte[] xml) {
    try {
      VERIFIER.verifyRequest(xml, 0, xml.length, USER);
    } catch (SignatureRejectedException e) {
      return e.reason();
    }
    throw new AssertionError("accepted: " + new String(xml, UTF_8));
  }

  @Test
  void aSignedRequestVerifiesAndNamesItsSigner() throws Exception {
    byte[] xml = signed(1000);
    DuisVerifier.Verified v = VERIFIER.verifyRequest(xml, 0, xml.length, USER);
    assertThat(v.eui64()).isEqualTo(USER);
    assertThat(v.certificate()).isEqualTo(USER_KEY.certificate());
  }

  @Test
  void oneSignerSignsManyDocumentsOnOneThreadAndEachVerifies() throws Exception {
    DuisSigner signer = DuisSigner.create(USER_KEY);
    for (long counter = 1; counter <= 3; counter++) {
      byte[] xml = signer.sign(request(counter));
      assertThat(VERIFIER.verifyRequest(xml, 0, xml.length, USER).eui64()).isEqualTo(USER);
    }
  }

  @Test
  void signingAppendsTheDuisProfileSignatureAndLeavesTheRestOfTheBytesAsTheyWere() throws Exception {
    byte[] unsigned = request(7);
    String text = new String(DuisSigner.create(USER_KEY).sign(unsigned), UTF_8);
    String before = new String(unsigned, UTF_8);
    String body = before.substring(0, before.lastIndexOf("</sr:Request>"));
    assertThat(text).startsWith(body + "<ds:Signature").endsWith("</ds:Signature></sr:Request>")
        .contains("Algorithm=\"http://www.w3.org/2001/10/xml-exc-c14n#\"",
            "Algorithm=\"http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256\"",
            "<ds:Reference URI=\"\">", "Algorithm=\"http://www.w3.org/2000/09/xmldsig#enveloped-signature\"",
            "Algorithm=\"http://www.w3.org/2001/04/xmlenc#sha256\"", "<ds:X509IssuerSerial>",
            "<ds:X509SerialNumber>" + USER_KEY.certificate().getSerialNumber() + "</ds:X509SerialNumber>");
    DuisRequest parsed = DuisRequestParser.create(CATALOGUE).parse(io.smsim.duis.Endpoint.SEND_COMMAND,
        text.getBytes(UTF_8));
    assertThat(parsed.requestId().counter()).isEqualTo(7);
  }

  @Test
  void aRequestIdChangedAfterSigningIsRefusedAsAltered() {
    String text = new String(signed(1000), UTF_8);
    byte[] altered = text.replace(":1000</sr:RequestID>", ":1001</sr:RequestID>").getBytes(UTF_8);
    assertThat(refusal(altered)).isEqualTo(Reason.DIGEST_MISMATCH);
  }

  @Test
  void aBodyChangedAfterSigningIsRefusedAsAltered() {
    String text = new String(signed(1000), UTF_8);
    byte[] altered = text.replace("<sr:ReadInstantaneousImportRegisters/>",
        "<sr:ReadInstantaneousImportRegisters></sr:ReadInstantaneousImportRegisters><!-- x -->").replace(
        "<sr:CommandVariant>1<", "<sr:CommandVariant>2<").getBytes(UTF_8);
    assertThat(refusal(altered)).isEqualTo(Reason.DIGEST_MISMATCH);
  }

  @Test
  void aSignedInfoChangedAfterSigningIsRefusedAsABadSignatureValue() {
    String text = new String(signed(1000), UTF_8);
    int at = text.indexOf("<ds:DigestValue>") + "<ds:DigestValue>".length();
    char c = text.charAt(at);
    byte[] altered = (text.substring(0, at) + (c == 'A' ? 'B' : 'A') + text.substring(at + 1)).getBytes(UTF_8);
    assertThat(refusal(altered)).isEqualTo(Reason.BAD_SIGNATURE_VALUE);
  }

  @Test
  void anUnsignedRequestIsRefusedAsMissingItsSignature() {
    assertThat(refusal(request(5))).isEqualTo(Reason.MISSING);
  }

  @Test
  void aSignatureByAnUntrustedCertificateIsRefused() {
    byte[] xml = DuisSigner.create(TestPki.credential(USER)).sign(request(5));
    assertThat(refusal(xml)).isEqualTo(Reason.UNKNOWN_CERTIFICATE);
  }

  @Test
  void aTrustedUserCannotSignForAnotherOriginator() {
    byte[] xml = DuisSigner.create(OTHER_KEY).sign(request(5));
    assertThat(refusal(xml)).isEqualTo(Reason.SIGNER_NOT_ORIGINATOR);
  }

  @Test
  void anExpiredCertificateIsRefusedWhenValidityIsEnforcedAndAcceptedWhenIgnored() throws Exception {
    SigningCredential expired = TestPki.credential(USER, Instant.parse("2015-10-30T00:00:00Z"),
        Instant.parse("2025-10-29T23:59:59Z"));
    TrustStore trust = TrustStore.of(List.of(expired.certificate()), "test");
    byte[] xml = DuisSigner.create(expired).sign(request(5));
    Clock now = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    assertThatThrownBy(() -> DuisVerifier.create(trust, CertificateValidity.ENFORCE, now).verify(xml, 0, xml.length))
        .isInstanceOfSatisfying(SignatureRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.CERTIFICATE_NOT_VALID_NOW));
    assertThat(DuisVerifier.create(trust, CertificateValidity.IGNORE, now).verify(xml, 0, xml.length).eui64())
        .isEqualTo(USER);
  }

  @Test
  void aSecondSignatureOrOneThatIsNotTheRootsLastChildIsRefused() {
    String text = new String(signed(1000), UTF_8);
    String signature = text.substring(text.indexOf("<ds:Signature"), text.indexOf("</sr:Request>"));
    byte[] twice = text.replace("<sr:Body>", "<sr:Body>" + signature).getBytes(UTF_8);
    assertThat(refusal(twice)).isEqualTo(Reason.MISPLACED);
    byte[] moved = text.replace(signature, "").replace("<sr:Header>", signature + "<sr:Header>").getBytes(UTF_8);
    assertThat(refusal(moved)).isEqualTo(Reason.MISPLACED);
  }

  @Test
  void aDoctypeIsRefusedBeforeAnySignatureWork() {
    String text = new String(signed(1000), UTF_8).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
    assertThat(refusal(text.getBytes(UTF_8))).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void theSignerRefusesADocumentThatIsAlreadySignedOrNotXml() {
    DuisSigner signer = DuisSigner.create(USER_KEY);
    assertThatIllegalArgumentException().isThrownBy(() -> signer.sign(signed(3))).withMessageContaining("already");
    assertThatIllegalArgumentException().isThrownBy(() -> signer.sign("<a>".getBytes(UTF_8)))
        .withMessageContaining("not well-formed");
  }

  @Test
  void aKeyThatIsNotTheCertificatesIsRefusedWhenTheCredentialIsMade() {
    assertThatIllegalArgumentException().isThrownBy(() -> new SigningCredential(USER_KEY.key(), OTHER_KEY.certificate()))
        .withMessageContaining("does not belong");
  }
}
