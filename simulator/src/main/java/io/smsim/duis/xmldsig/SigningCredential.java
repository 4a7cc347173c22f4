package io.smsim.duis.xmldsig;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The key and certificate a party signs DUIS documents with: a Service User's XML signing key for
 * requests ({@code smsim load}), the DSP's for responses ({@code smsim serve}). DUIS signs with
 * ECDSA on P-256, so the key must be an EC key on a 256-bit curve, and it must belong to the
 * certificate (checked here by signing and verifying a probe).
 *
 * @param key the private key
 * @param certificate its certificate, named in signatures by issuer and serial number
 */
public record SigningCredential(PrivateKey key, X509Certificate certificate) {

  public SigningCredential {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(certificate, "certificate");
    if (!(key instanceof ECKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new IllegalArgumentException("DUIS signing key must be an EC P-256 key: " + key.getAlgorithm());
    }
    if (!matches(key, certificate)) {
      throw new IllegalArgumentException("the private key does not belong to the certificate "
          + describe(certificate));
    }
  }

  /**
   * Reads a PKCS#8 key (PEM or DER) and an X.509 certificate (PEM or DER).
   *
   * @throws IllegalArgumentException naming the file and the problem
   */
  public static SigningCredential load(Path keyFile, Path certificateFile) {
    PrivateKey key = KeyMaterial.privateKey(keyFile);
    X509Certificate cert = KeyMaterial.certificate(certificateFile);
    try {
      return new SigningCredential(key, cert);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(keyFile + " and " + certificateFile + ": " + e.getMessage());
    }
  }

  /** The EUI-64 the certificate names (SMKI {@code x500UniqueIdentifier}), or empty. */
  public OptionalLong eui64() {
    return KeyMaterial.subjectEui64(certificate);
  }

  /** Subject, issuer and serial (hex) of the certificate, for banners and messages. */
  public String describe() {
    return describe(certificate);
  }

  static String describe(X509Certificate c) {
    BigInteger serial = c.getSerialNumber();
    return "subject " + c.getSubjectX500Principal().getName() + ", issuer " + c.getIssuerX500Principal().getName()
        + ", serial " + serial.toString(16).toUpperCase(java.util.Locale.ROOT);
  }

  private static boolean matches(PrivateKey key, X509Certificate cert) {
    try {
      byte[] probe = "smsim key/certificate match".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance("SHA256withECDSA");
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance("SHA256withECDSA");
      v.initVerify(cert.getPublicKey());
      v.update(probe);
      return v.verify(sig);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
