package io.smsim.duis.xmldsig;

import io.smsim.duis.Eui64;
import java.math.BigInteger;
import java.security.Key;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.crypto.AlgorithmMethod;
import javax.xml.crypto.KeySelector;
import javax.xml.crypto.KeySelectorResult;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.XMLCryptoContext;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.X509Data;
import javax.xml.crypto.dsig.keyinfo.X509IssuerSerial;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Verifies the XML signature of a DUIS document against a {@link TrustStore}, with the JDK's XML
 * Digital Signature API in secure-validation mode (its ECDSA from Bouncy Castle, see {@link Ecdsa}:
 * about a fifth of SunEC's CPU on JDK 17). The document is accepted only if:
 * <ol>
 *   <li>it has exactly one {@code ds:Signature}, the root element's last child (as the DUIS schema
 *       places it), so no other element can stand in for the signed content;</li>
 *   <li>the signature follows the DUIS profile (see {@link DuisSigner}): exclusive C14N, ECDSA with
 *       SHA-256, one Reference with {@code URI=""} (the whole document) whose transforms are the
 *       enveloped-signature transform, optionally followed by exclusive C14N, and a SHA-256 digest;
 *       any other transform (an XPath filter, say) could exclude content from the signature;</li>
 *   <li>KeyInfo names a trusted certificate by {@code X509IssuerSerial} (or carries one verbatim);</li>
 *   <li>the certificate is within its validity period, when {@link CertificateValidity#ENFORCE};</li>
 *   <li>the reference digest matches the document and the signature value verifies with the
 *       certificate's key.</li>
 * </ol>
 * {@link #verifyRequest} also requires the certificate's subject EUI-64 to be the RequestID's
 * originator: a Service User cannot sign for another. Instances are immutable and thread-safe.
 */
public final class DuisVerifier {

  /** Largest document checked; the DSP's body limit comes first. */
  public static final int MAX_BYTES = DuisSigner.MAX_BYTES;

  private static final String SECURE_VALIDATION = "org.jcp.xml.dsig.secureValidation";
  private static final ThreadLocal<XMLSignatureFactory> FACTORY =
      ThreadLocal.withInitial(() -> XMLSignatureFactory.getInstance("DOM"));

  /** A signature that verified, and who made it. */
  public record Verified(TrustStore.Trusted signer) {

    public long eui64() {
      return signer.eui64();
    }

    public X509Certificate certificate() {
      return signer.certificate();
    }
  }

  private final TrustStore trust;
  private final CertificateValidity validity;
  private final Clock clock;

  private DuisVerifier(TrustStore trust, CertificateValidity validity, Clock clock) {
    this.trust = Objects.requireNonNull(trust, "trust");
    this.validity = Objects.requireNonNull(validity, "validity");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** A verifier against {@code trust}, checking certificate dates against {@code clock} when {@code validity} says so. */
  public static DuisVerifier create(TrustStore trust, CertificateValidity validity, Clock clock) {
    Ecdsa.provider(); // built now, at start, not on the first request
    return new DuisVerifier(trust, validity, clock);
  }

  public TrustStore trust() {
    return trust;
  }

  public CertificateValidity validity() {
    return validity;
  }

  /** Verifies {@code xml[offset, offset + length)} (see the class comment). */
  public Verified verify(byte[] xml, int offset, int length) throws SignatureRejectedException {
    return verify(SafeDom.parse(xml, offset, length, MAX_BYTES));
  }

  /** As {@link #verify(byte[], int, int)}, and the signer must be {@code originator} (the RequestID's). */
  public Verified verifyRequest(byte[] xml, int offset, int length, long originator)
      throws SignatureRejectedException {
    Verified v = verify(xml, offset, length);
    if (v.eui64() != originator) {
      throw new SignatureRejectedException(SignatureRejectedException.Reason.SIGNER_NOT_ORIGINATOR,
          "certificate of " + Eui64.format(v.eui64()) + " signed a request from " + Eui64.format(originator));
    }
    return v;
  }

  /** Verifies a parsed document. */
  public Verified verify(Document doc) throws SignatureRejectedException {
    Element signature = locateSignature(doc);
    Selector selector = new Selector();
    DOMValidateContext ctx = validateContext(selector, signature);
    XMLSignature xmlSignature;
    try {
      xmlSignature = FACTORY.get().unmarshalXMLSignature(ctx);
    } catch (MarshalException e) {
      throw reject(SignatureRejectedException.Reason.NOT_DUIS_PROFILE, "unreadable ds:Signature: " + e.getMessage());
    }
    Reference reference = checkProfile(xmlSignature.getSignedInfo());
    checkSignatureValueLength(xmlSignature.getSignatureValue().getValue());
    TrustStore.Trusted signer = resolve(xmlSignature.getKeyInfo());
    checkValidity(signer.certificate());
    selector.key = signer.publicKey();
    try {
      if (xmlSignature.validate(ctx)) {
        return new Verified(signer);
      }
      if (!xmlSignature.getSignatureValue().validate(ctx)) {
        throw reject(SignatureRejectedException.Reason.BAD_SIGNATURE_VALUE,
            "SignatureValue does not verify with the key of " + SigningCredential.describe(signer.certificate()));
      }
      throw reject(reference.validate(ctx) ? SignatureRejectedException.Reason.BAD_SIGNATURE_VALUE
          : SignatureRejectedException.Reason.DIGEST_MISMATCH, "the document's SHA-256 digest is not the signed DigestValue");
    } catch (XMLSignatureException e) {
      throw reject(SignatureRejectedException.Reason.BAD_SIGNATURE_VALUE, "cannot be checked: " + e.getMessage());
    }
  }

  /** The context a signature is validated in: secure validation, and ECDSA from {@link Ecdsa}. */
  static DOMValidateContext validateContext(KeySelector selector, Element signature) {
    DOMValidateContext ctx = new DOMValidateContext(selector, signature);
    ctx.setProperty(SECURE_VALIDATION, Boolean.TRUE);
    Ecdsa.use(ctx);
    return ctx;
  }

  /**
   * An XMLDSig ECDSA P-256 SignatureValue is r and s, 32 bytes each (RFC 4050, XMLDSig 1.1). The
   * JDK converts it to DER for a provider without a P1363-format ECDSA (Bouncy Castle has none) and
   * tolerates other lengths on the way (leading zeros stripped, an odd last byte dropped), where
   * the JDK's own P1363 verification refused them; the length is checked here, so that a signature
   * has one encoding whichever provider verifies it.
   */
  private static void checkSignatureValueLength(byte[] value) throws SignatureRejectedException {
    int n = value == null ? 0 : value.length;
    if (n != 64) {
      throw reject(SignatureRejectedException.Reason.BAD_SIGNATURE_VALUE,
          "SignatureValue of " + n + " bytes (ECDSA P-256: 64, r and s of 32 bytes each)");
    }
  }

  private static Element locateSignature(Document doc) throws SignatureRejectedException {
    NodeList all = doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
    if (all.getLength() == 0) {
      throw reject(SignatureRejectedException.Reason.MISSING, "no ds:Signature in " + doc.getDocumentElement().getTagName());
    }
    if (all.getLength() > 1) {
      throw reject(SignatureRejectedException.Reason.MISPLACED, all.getLength() + " ds:Signature elements");
    }
    Element signature = (Element) all.item(0);
    Element root = doc.getDocumentElement();
    Node next = signature.getNextSibling();
    while (next != null && next.getNodeType() != Node.ELEMENT_NODE) {
      next = next.getNextSibling();
    }
    if (signature.getParentNode() != root || next != null) {
      throw reject(SignatureRejectedException.Reason.MISPLACED,
          "ds:Signature must be the last child of " + root.getTagName());
    }
    return signature;
  }

  private static Reference checkProfile(SignedInfo si) throws SignatureRejectedException {
    require(CanonicalizationMethod.EXCLUSIVE, si.getCanonicalizationMethod().getAlgorithm(), "CanonicalizationMethod");
    require(SignatureMethod.ECDSA_SHA256, si.getSignatureMethod().getAlgorithm(), "SignatureMethod");
    @SuppressWarnings("unchecked")
    List<Reference> refs = si.getReferences();
    if (refs.size() != 1) {
      throw reject(SignatureRejectedException.Reason.NOT_DUIS_PROFILE, refs.size() + " References (DUIS: one)");
    }
    Reference ref = refs.get(0);
    if (!"".equals(ref.getURI())) {
      throw reject(SignatureRejectedException.Reason.NOT_DUIS_PROFILE,
          "Reference URI " + quote(ref.getURI()) + " (DUIS: \"\", the whole document)");
    }
    @SuppressWarnings("unchecked")
    List<Transform> transforms = ref.getTransforms();
    boolean enveloped = !transforms.isEmpty() && Transform.ENVELOPED.equals(transforms.get(0).getAlgorithm());
    boolean rest = transforms.size() == 1 || transforms.size() == 2
        && CanonicalizationMethod.EXCLUSIVE.equals(transforms.get(transforms.size() - 1).getAlgorithm());
    if (!enveloped || !rest) {
      throw reject(SignatureRejectedException.Reason.NOT_DUIS_PROFILE, "Transforms "
          + transforms.stream().map(Transform::getAlgorithm).toList() + " (DUIS: enveloped-signature)");
    }
    require(DigestMethod.SHA256, ref.getDigestMethod().getAlgorithm(), "DigestMethod");
    return ref;
  }

  private TrustStore.Trusted resolve(KeyInfo keyInfo) throws SignatureRejectedException {
    if (keyInfo == null) {
      throw reject(SignatureRejectedException.Reason.NO_KEY_INFO, "no ds:KeyInfo");
    }
    String named = null;
    for (Object o : keyInfo.getContent()) {
      if (!(o instanceof X509Data data)) {
        continue;
      }
      for (Object item : data.getContent()) {
        Optional<TrustStore.Trusted> found = Optional.empty();
        if (item instanceof X509IssuerSerial is) {
          named = "issuer " + is.getIssuerName() + ", serial " + hex(is.getSerialNumber());
          found = trust.find(is.getIssuerName(), is.getSerialNumber());
        } else if (item instanceof X509Certificate c) {
          named = SigningCredential.describe(c);
          found = trust.find(c);
        }
        if (found.isPresent()) {
          return found.get();
        }
      }
    }
    if (named == null) {
      throw reject(SignatureRejectedException.Reason.NO_KEY_INFO, "ds:KeyInfo has no X509IssuerSerial");
    }
    throw reject(SignatureRejectedException.Reason.UNKNOWN_CERTIFICATE, named + " is not in " + trust.source());
  }

  private void checkValidity(X509Certificate c) throws SignatureRejectedException {
    if (validity == CertificateValidity.IGNORE) {
      return;
    }
    try {
      c.checkValidity(java.util.Date.from(clock.instant()));
    } catch (CertificateExpiredException | CertificateNotYetValidException e) {
      throw reject(SignatureRejectedException.Reason.CERTIFICATE_NOT_VALID_NOW, SigningCredential.describe(c)
          + " is valid " + c.getNotBefore().toInstant() + " .. " + c.getNotAfter().toInstant()
          + " (--cert-validity ignore accepts it)");
    }
  }

  private static void require(String expected, String actual, String what) throws SignatureRejectedException {
    if (!expected.equals(actual)) {
      throw reject(SignatureRejectedException.Reason.NOT_DUIS_PROFILE, what + " " + quote(actual)
          + " (DUIS: " + expected + ")");
    }
  }

  private static SignatureRejectedException reject(SignatureRejectedException.Reason reason, String detail) {
    return new SignatureRejectedException(reason, detail);
  }

  private static String quote(String s) {
    return s == null ? "none" : "\"" + (s.length() > 120 ? s.substring(0, 120) + "..." : s) + "\"";
  }

  private static String hex(BigInteger serial) {
    return serial.toString(16).toUpperCase(java.util.Locale.ROOT);
  }

  /** Hands the JDK the key resolved from the trust store before validation. */
  private static final class Selector extends KeySelector {
    Key key;

    @Override
    public KeySelectorResult select(KeyInfo keyInfo, Purpose purpose, AlgorithmMethod method, XMLCryptoContext context) {
      Key k = key;
      return () -> k;
    }
  }
}
