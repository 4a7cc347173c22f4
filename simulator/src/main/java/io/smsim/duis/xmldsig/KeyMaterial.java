package io.smsim.duis.xmldsig;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * Reads certificates and private keys as SMKI and DCC Boxed ship them: X.509 certificates in PEM or
 * DER, EC private keys as PKCS#8 in PEM ({@code -----BEGIN PRIVATE KEY-----}) or DER (DCC Boxed's
 * {@code .key} files); and the EUI-64 an SMKI certificate names in its subject.
 *
 * <p>Problems are {@link IllegalArgumentException}s that name the file and what is wrong with it.
 */
final class KeyMaterial {

  /** {@code x500UniqueIdentifier} (X.520), where SMKI Organisation certificates carry the EUI-64. */
  static final String X500_UNIQUE_IDENTIFIER = "2.5.4.45";

  private KeyMaterial() {
  }

  /** Every certificate in a PEM file (one or more blocks) or the one in a DER file. */
  static List<X509Certificate> certificates(Path file) {
    byte[] bytes = read(file);
    try {
      CertificateFactory f = CertificateFactory.getInstance("X.509");
      List<X509Certificate> out = new ArrayList<>();
      for (var c : f.generateCertificates(new ByteArrayInputStream(bytes))) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new IllegalArgumentException(file + ": no X.509 certificate in it (PEM or DER expected)");
      }
      return out;
    } catch (CertificateException e) {
      throw new IllegalArgumentException(file + ": not an X.509 certificate (PEM or DER expected): "
          + e.getMessage());
    }
  }

  /** The one certificate in {@code file}. */
  static X509Certificate certificate(Path file) {
    List<X509Certificate> all = certificates(file);
    if (all.size() != 1) {
      throw new IllegalArgumentException(file + ": expected one certificate, found " + all.size());
    }
    return all.get(0);
  }

  /** An EC private key, PKCS#8, PEM or DER. */
  static PrivateKey privateKey(Path file) {
    byte[] bytes = read(file);
    String text = new String(bytes, StandardCharsets.US_ASCII);
    byte[] der = bytes;
    if (text.contains("-----BEGIN")) {
      if (text.contains("-----BEGIN EC PRIVATE KEY-----")) {
        throw new IllegalArgumentException(file + ": a SEC1 'EC PRIVATE KEY'; convert it to PKCS#8 with "
            + "'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + "'");
      }
      int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
      int end = text.indexOf("-----END PRIVATE KEY-----");
      if (begin < 0 || end < begin) {
        throw new IllegalArgumentException(file + ": no '-----BEGIN PRIVATE KEY-----' block (PKCS#8 expected; "
            + "an encrypted key must be decrypted first)");
      }
      try {
        der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ": the PRIVATE KEY block is not base64: " + e.getMessage());
      }
    }
    try {
      return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(file + ": not a PKCS#8 EC private key: " + e.getMessage());
    }
  }

  /**
   * The EUI-64 in the certificate subject's {@code x500UniqueIdentifier} (a BIT STRING of 8 bytes,
   * as in SMKI Organisation certificates, e.g. {@code #03090090B3D51F30010000}), or empty.
   */
  static OptionalLong subjectEui64(X509Certificate certificate) {
    try {
      for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
        if (X500_UNIQUE_IDENTIFIER.equals(rdn.getType()) && rdn.getValue() instanceof byte[] der
            && der.length == 11 && der[0] == 0x03 && der[1] == 9 && der[2] == 0) {
          long eui = 0;
          for (int i = 3; i < 11; i++) {
            eui = eui << 8 | (der[i] & 0xff);
          }
          return OptionalLong.of(eui);
        }
      }
    } catch (InvalidNameException e) {
      // a subject the JDK printed but cannot re-read: no EUI-64 then
    }
    return OptionalLong.empty();
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot be read: " + e.getMessage());
    }
  }
}
