package io.smsim.duis.xmldsig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test certificates shaped like SMKI Organisation certificates: EC P-256 keys, subject
 * {@code OU=<role>, x500UniqueIdentifier=<EUI-64>}, issued by a test CA "CN=Z1 test, OU=07", with
 * chosen validity periods. Made with Bouncy Castle (test scope only).
 */
public final class TestPki {

  private static final X500Name ISSUER = new X500Name("CN=Z1 test,OU=07");
  private static long serials = 0x1000;

  private TestPki() {
  }

  /** A credential for {@code eui64}, valid from a year ago for a hundred years. */
  public static SigningCredential credential(long eui64) {
    return credential(eui64, Instant.now().minusSeconds(365L * 86400), Instant.now().plusSeconds(36500L * 86400));
  }

  /** A credential for {@code eui64} valid over {@code [notBefore, notAfter]}. */
  public static synchronized SigningCredential credential(long eui64, Instant notBefore, Instant notAfter) {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      KeyPair pair = g.generateKeyPair();
      byte[] bits = new byte[8];
      for (int i = 0; i < 8; i++) {
        bits[i] = (byte) (eui64 >>> (56 - 8 * i));
      }
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.OU, "02")
          .addRDN(BCStyle.UNIQUE_IDENTIFIER, new DERBitString(bits)).build();
      X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(ISSUER,
          BigInteger.valueOf(++serials), Date.from(notBefore), Date.from(notAfter), subject, pair.getPublic())
          .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
      return new SigningCredential(pair.getPrivate(), cert);
    } catch (GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the certificate as PEM to {@code file}. */
  public static Path writeCertificate(SigningCredential c, Path file) {
    try {
      return Files.writeString(file, pem("CERTIFICATE", c.certificate().getEncoded()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the private key as PKCS#8 PEM to {@code file}. */
  public static Path writeKey(SigningCredential c, Path file) {
    try {
      return Files.writeString(file, pem("PRIVATE KEY", c.key().getEncoded()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
