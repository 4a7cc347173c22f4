package io.smsim.duis.xmldsig;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureException;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSSerializer;

/**
 * Signs DUIS documents as DUIS and DCC Boxed do, with the JDK's XML Digital Signature API
 * ({@code javax.xml.crypto.dsig}, JSR 105): an enveloped signature over the whole document
 * ({@code Reference URI=""} with the enveloped-signature transform), exclusive XML canonicalization,
 * SHA-256 digest, ECDSA P-256 with SHA-256, and KeyInfo naming the certificate by
 * {@code X509IssuerSerial}; the {@code ds:Signature} is appended as the root's last child, with the
 * {@code ds} prefix. This is the profile of SmartDCCInnovation's dccboxed-signing-tool ({@code Sign})
 * and of the DUIS samples' signature blocks.
 *
 * <p>Speed: the document is parsed once into a DOM (the JDK computes the digest and canonical forms
 * on it); then only the new {@code ds:Signature} element is serialized and written in before the
 * root's end tag of the original bytes, which parse to the same document the signature was computed
 * on, so the rest of the document is neither re-serialized nor changed. The signature factory is
 * kept per thread, and ECDSA comes from Bouncy Castle ({@link Ecdsa}: half of SunEC's CPU per
 * signature on JDK 17). Instances are immutable and thread-safe.
 */
public final class DuisSigner {

  /** Largest document this signs: 11.1 Update Firmware carries an image. */
  static final int MAX_BYTES = 16 << 20;

  private final SigningCredential credential;
  private final ThreadLocal<XMLSignatureFactory> factory =
      ThreadLocal.withInitial(() -> XMLSignatureFactory.getInstance("DOM"));

  private DuisSigner(SigningCredential credential) {
    this.credential = credential;
  }

  public static DuisSigner create(SigningCredential credential) {
    Ecdsa.provider(); // built now, at start, not on the first document
    return new DuisSigner(Objects.requireNonNull(credential, "credential"));
  }

  public SigningCredential credential() {
    return credential;
  }

  /**
   * The document with an enveloped DUIS signature as the root's last child.
   *
   * @param unsignedXml a DUIS document (UTF-8) without a {@code ds:Signature}
   * @throws IllegalArgumentException when it is not well-formed XML or already carries a signature
   */
  public byte[] sign(byte[] unsignedXml) {
    Document doc;
    try {
      doc = SafeDom.parse(unsignedXml, 0, unsignedXml.length, MAX_BYTES);
    } catch (SignatureRejectedException e) {
      throw new IllegalArgumentException("cannot sign: " + e.detail());
    }
    Element root = doc.getDocumentElement();
    if (doc.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature").getLength() > 0) {
      throw new IllegalArgumentException("cannot sign: the document already carries a ds:Signature");
    }
    Element signature = signInPlace(root);
    int end = rootEndTag(unsignedXml, root.getTagName());
    if (end < 0) {
      return serialize(doc, true); // something after the root's end tag: write the whole document
    }
    byte[] sig = serialize(signature, false);
    byte[] out = new byte[unsignedXml.length + sig.length];
    System.arraycopy(unsignedXml, 0, out, 0, end);
    System.arraycopy(sig, 0, out, end, sig.length);
    System.arraycopy(unsignedXml, end, out, end + sig.length, unsignedXml.length - end);
    return out;
  }

  /** Signs the document of {@code root} in place, appending the {@code ds:Signature} to {@code root}. */
  Element signInPlace(Element root) {
    // Every algorithm object is made afresh: the JDK's transforms and canonicalizers remember the
    // DOM element they were marshalled into (the enveloped transform finds the signature to leave
    // out through it), so one reused for a second document would digest the wrong thing.
    XMLSignatureFactory f = factory.get();
    try {
      KeyInfoFactory kif = f.getKeyInfoFactory();
      KeyInfo keyInfo = kif.newKeyInfo(List.of(kif.newX509Data(List.of(kif.newX509IssuerSerial(
          credential.certificate().getIssuerX500Principal().getName(), credential.certificate().getSerialNumber())))));
      XMLSignature xmlSignature = f.newXMLSignature(f.newSignedInfo(
          f.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
          f.newSignatureMethod(SignatureMethod.ECDSA_SHA256, null),
          List.of(f.newReference("", f.newDigestMethod(DigestMethod.SHA256, null),
              List.of(f.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null)), null, null))), keyInfo);
      xmlSignature.sign(signContext(credential.key(), root));
    } catch (GeneralSecurityException | MarshalException | XMLSignatureException e) {
      throw new IllegalStateException("XML signing failed: " + e.getMessage(), e);
    }
    Node last = root.getLastChild();
    if (!(last instanceof Element e) || !"Signature".equals(e.getLocalName())) {
      throw new IllegalStateException("the JDK did not append the ds:Signature to the root");
    }
    return e;
  }

  /** The context a signature is made in: the {@code ds} prefix, and ECDSA from {@link Ecdsa}. */
  static DOMSignContext signContext(java.security.Key key, Element root) {
    DOMSignContext ctx = new DOMSignContext(key, root);
    ctx.setDefaultNamespacePrefix("ds");
    Ecdsa.use(ctx);
    return ctx;
  }

  /**
   * Where the root's end tag {@code </qualifiedName>} starts, when only white space follows it;
   * else -1 (a comment or processing instruction after the root).
   */
  static int rootEndTag(byte[] xml, String qualifiedName) {
    int i = xml.length - 1;
    while (i >= 0 && (xml[i] == ' ' || xml[i] == '\n' || xml[i] == '\r' || xml[i] == '\t')) {
      i--;
    }
    if (i < 0 || xml[i] != '>') {
      return -1;
    }
    while (i >= 0 && xml[i] != '<') {
      i--;
    }
    if (i < 0) {
      return -1;
    }
    byte[] name = qualifiedName.getBytes(StandardCharsets.UTF_8);
    int j = i + 2;
    if (xml[i + 1] != '/' || j + name.length > xml.length) {
      return -1;
    }
    for (byte b : name) {
      if (xml[j++] != b) {
        return -1;
      }
    }
    while (j < xml.length && (xml[j] == ' ' || xml[j] == '\n' || xml[j] == '\r' || xml[j] == '\t')) {
      j++;
    }
    return j < xml.length && xml[j] == '>' ? i : -1;
  }

  private static byte[] serialize(Node node, boolean declaration) {
    Document doc = node instanceof Document d ? d : node.getOwnerDocument();
    DOMImplementationLS ls = (DOMImplementationLS) doc.getImplementation().getFeature("LS", "3.0");
    LSSerializer serializer = ls.createLSSerializer();
    serializer.getDomConfig().setParameter("xml-declaration", declaration);
    var out = ls.createLSOutput();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
    out.setByteStream(bytes);
    out.setEncoding(StandardCharsets.UTF_8.name());
    serializer.write(node, out);
    return bytes.toByteArray();
  }
}
