package io.smsim.duis.xmldsig;

import java.security.Provider;
import javax.xml.crypto.XMLCryptoContext;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Where XML signatures get their ECDSA: Bouncy Castle's provider, handed to the JDK's XML Digital
 * Signature API per signing or validating context. Everything else (parsing, exclusive C14N, the
 * SHA-256 reference digest, the XMLDSig-to-DER conversion of the signature value, secure
 * validation) stays with the JDK; only the {@code SHA256withECDSA} {@link java.security.Signature}
 * comes from Bouncy Castle.
 *
 * <p>Why: on JDK 17, SunEC's P-256 verification (a generic 10 x 26-bit limb field, no precomputed
 * tables for the double-scalar multiplication) costs about 2 ms of CPU on this project's 2-core
 * test machine, about 95% of a whole request's verification; Bouncy Castle's (a dedicated P-256
 * field, {@code SecP256R1Curve}, and wNAF with a cached table for the generator) costs about
 * 0.4 ms. {@code benchmarks}' {@code EcdsaBenchmark} measures both; README "Live emulation:
 * Throughput" has what it does to {@code smsim serve}'s CPU per acknowledgement.
 *
 * <p>The provider is not registered with {@link java.security.Security}: nothing else in the
 * process changes. The context property is the JDK implementation's own ({@code
 * org.jcp.xml.dsig.internal.dom.SignatureProvider}, read by {@code DOMSignatureMethod}); an XML
 * signature implementation that does not know it ignores it and uses the default provider, which
 * gives the same answers, only slower. {@code EcdsaProviderTest} checks both directions of interop
 * with the JDK's own ECDSA.
 */
final class Ecdsa {

  /** The JDK's XMLDSig context property naming the {@link java.security.Provider} of signatures. */
  static final String SIGNATURE_PROVIDER = "org.jcp.xml.dsig.internal.dom.SignatureProvider";

  private Ecdsa() {
  }

  /** Created on first use: building Bouncy Castle's provider takes a few hundred milliseconds. */
  private static final class Holder {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  static Provider provider() {
    return Holder.PROVIDER;
  }

  /** Makes {@code ctx} sign or verify ECDSA with {@link #provider()}. */
  static void use(XMLCryptoContext ctx) {
    ctx.setProperty(SIGNATURE_PROVIDER, provider());
  }
}
