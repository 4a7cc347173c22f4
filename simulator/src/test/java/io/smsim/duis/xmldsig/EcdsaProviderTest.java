package io.smsim.duis.xmldsig;

import static org.assertj.core.api.Assertions.assertThat;

import io.smsim.duis.DuisRequestBuilder;
import io.smsim.duis.RequestId;
import io.smsim.model.SrvCatalogue;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.security.Security;
import java.security.Signature;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.ls.DOMImplementationLS;

/**
 * Signatures made with Bouncy Castle's ECDSA ({@link Ecdsa}) and with the JDK's own (SunEC) are
 * interchangeable: what {@link DuisSigner} signs validates with the plain JDK XML signature API, and
 * what the plain API signs {@link DuisVerifier} accepts. A change in how either side encodes the
 * signature value (XMLDSig's raw r || s against the DER that {@link Signature} speaks) would break
 * one direction.
 */
class EcdsaProviderTest {

  private static final long USER = 0x90B3_D51F_3001_0000L;
  private static final SrvCatalogue CATALOGUE = SrvCatalogue.standard();
  private static final SigningCredential KEY = TestPki.credential(USER);
  private static final DuisVerifier VERIFIER = DuisVerifier.create(TrustStore.of(List.of(KEY.certificate()), "test"),
      CertificateValidity.ENFORCE, Clock.systemUTC());

  private static byte[] request(long counter) {
    return DuisRequestBuilder.create(CATALOGUE).build(CATALOGUE.find("4.1.1").orElseThrow(),
        new RequestId(USER, 0x00DB_1234_5678_90A0L, counter));
  }

  @Test
  void signingAndValidationContextsUseBouncyCastleWhichIsNotRegisteredForTheProcess() throws Exception {
    assertThat(Ecdsa.provider().getName()).isEqualTo("BC");
    byte[] signed = DuisSigner.create(KEY).sign(request(1));
    Document doc = SafeDom.parse(signed, 0, signed.length, DuisVerifier.MAX_BYTES);
    Element signature = (Element) doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
    DOMValidateContext validate = DuisVerifier.validateContext(KeySelector.singletonKeySelector(KEY.certificate().getPublicKey()),
        signature);
    assertThat(validate.getProperty(Ecdsa.SIGNATURE_PROVIDER)).isSameAs(Ecdsa.provider());
    assertThat(validate.getProperty("org.jcp.xml.dsig.secureValidation")).isEqualTo(Boolean.TRUE);
    assertThat(DuisSigner.signContext(KEY.key(), doc.getDocumentElement()).getProperty(Ecdsa.SIGNATURE_PROVIDER))
        .isSameAs(Ecdsa.provider());
    assertThat(Security.getProvider("BC")).as("Bouncy Castle registered process-wide").isNull();
    assertThat(Signature.getInstance("SHA256withECDSA").getProvider().getName()).isNotEqualTo("BC");
  }

  @Test
  void aSignatureValueThatIsNot64BytesIsRefusedWhateverTheJdkWouldMakeOfIt() throws Exception {
    String text = new String(DuisSigner.create(KEY).sign(request(7)), StandardCharsets.UTF_8);
    int from = text.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length();
    int to = text.indexOf("</ds:SignatureValue>");
    assertThat(from).isGreaterThan("<ds:SignatureValue>".length() - 1);
    byte[] value = Base64.getMimeDecoder().decode(text.substring(from, to).replace("&#13;", ""));
    assertThat(value).hasSize(64);
    byte[] zeroFirst = new byte[65];
    System.arraycopy(value, 0, zeroFirst, 1, 64);
    byte[] oddLast = Arrays.copyOf(value, 65);
    byte[] twoZeros = new byte[66];
    System.arraycopy(value, 0, twoZeros, 2, 64);
    for (byte[] variant : List.of(zeroFirst, oddLast, twoZeros, Arrays.copyOf(value, 63), new byte[0])) {
      byte[] altered = (text.substring(0, from) + Base64.getEncoder().encodeToString(variant) + text.substring(to))
          .getBytes(StandardCharsets.UTF_8);
      try {
        VERIFIER.verifyRequest(altered, 0, altered.length, USER);
        throw new AssertionError("a SignatureValue of " + variant.length + " bytes verified");
      } catch (SignatureRejectedException e) {
        assertThat(e.reason()).as("%d bytes", variant.length).isEqualTo(SignatureRejectedException.Reason.BAD_SIGNATURE_VALUE);
        assertThat(e.getMessage()).contains("SignatureValue of " + variant.length + " bytes");
      }
    }
  }

  @Test
  void whatDuisSignerSignsValidatesWithTheJdksOwnEcdsa() throws Exception {
    for (long counter = 1; counter <= 20; counter++) {
      byte[] signed = DuisSigner.create(KEY).sign(request(counter));
      Document doc = SafeDom.parse(signed, 0, signed.length, DuisVerifier.MAX_BYTES);
      Element signature = (Element) doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").item(0);
      DOMValidateContext ctx = new DOMValidateContext(KeySelector.singletonKeySelector(KEY.certificate().getPublicKey()),
          signature);
      assertThat(XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(ctx).validate(ctx))
          .as("counter %d", counter).isTrue();
    }
  }

  @Test
  void whatTheJdksOwnEcdsaSignsDuisVerifierAccepts() throws Exception {
    for (long counter = 1; counter <= 20; counter++) {
      byte[] signed = signWithTheJdk(request(counter), KEY.key());
      assertThat(VERIFIER.verifyRequest(signed, 0, signed.length, USER).eui64()).isEqualTo(USER);
    }
  }

  @Test
  void aSignatureValueOfTheJdkWithOneBitFlippedIsStillRefused() throws Exception {
    String text = new String(signWithTheJdk(request(99), KEY.key()), StandardCharsets.UTF_8);
    int at = text.indexOf("<ds:SignatureValue>") + "<ds:SignatureValue>".length() + 5;
    assertThat(at).isGreaterThan("<ds:SignatureValue>".length() + 4);
    char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
    byte[] altered = (text.substring(0, at) + flipped + text.substring(at + 1)).getBytes(StandardCharsets.UTF_8);
    try {
      VERIFIER.verifyRequest(altered, 0, altered.length, USER);
      throw new AssertionError("a signature value with a changed character verified");
    } catch (SignatureRejectedException e) {
      assertThat(e.reason()).isEqualTo(SignatureRejectedException.Reason.BAD_SIGNATURE_VALUE);
    }
  }

  /** The DUIS profile signed with the plain JDK API and its default provider. */
  private static byte[] signWithTheJdk(byte[] unsigned, Key key) throws Exception {
    Document doc = SafeDom.parse(unsigned, 0, unsigned.length, DuisVerifier.MAX_BYTES);
    XMLSignatureFactory f = XMLSignatureFactory.getInstance("DOM");
    KeyInfoFactory kif = f.getKeyInfoFactory();
    XMLSignature sig = f.newXMLSignature(f.newSignedInfo(
        f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
        f.newSignatureMethod(SignatureMethod.ECDSA_SHA256, null),
        List.of(f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
            List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null))),
        kif.newKeyInfo(List.of(kif.newX509Data(List.of(kif.newX509IssuerSerial(
            KEY.certificate().getIssuerX500Principal().getName(), KEY.certificate().getSerialNumber()))))));
    DOMSignContext ctx = new DOMSignContext(key, doc.getDocumentElement());
    ctx.setDefaultNamespacePrefix("ds");
    sig.sign(ctx);
    return ((DOMImplementationLS) doc.getImplementation()).createLSSerializer().writeToString(doc)
        .replaceFirst("^<\\?xml[^>]*\\?>", "").getBytes(StandardCharsets.UTF_8);
  }
}
