package io.smsim.duis.xmldsig;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.security.auth.x500.X500Principal;

/**
 * The certificates whose signatures a verifier accepts, looked up as DUIS signatures name them: by
 * issuer distinguished name and serial number ({@code ds:X509IssuerSerial}). Each is parsed once, at
 * load, with its public key and the EUI-64 its subject names (SMKI's {@code x500UniqueIdentifier},
 * which identifies the party: the RequestID's originator must be it). A certificate without that
 * EUI-64 is refused at load, since no DUIS signer could be identified by it.
 *
 * <p>Sources: a folder of certificates ({@code *.pem}, {@code *.crt}, {@code *.cer}, {@code *.der};
 * PEM files that hold only a private key are skipped, as DCC Boxed's key folders mix both), or a
 * keystore file (PKCS#12 or JKS, every certificate entry and every key entry's certificate).
 * Immutable and thread-safe.
 */
public final class TrustStore {

  /** A trusted certificate, parsed once. */
  public record Trusted(X509Certificate certificate, PublicKey publicKey, long eui64) {
  }

  private record IssuerSerial(X500Principal issuer, BigInteger serial) {
  }

  private static final int MAX_CACHED_ISSUER_NAMES = 1024;

  private final Map<IssuerSerial, Trusted> bySerial;
  private final List<Trusted> all;
  private final String source;
  private final Map<String, X500Principal> issuerNames = new ConcurrentHashMap<>();

  private TrustStore(Map<IssuerSerial, Trusted> bySerial, List<Trusted> all, String source) {
    this.bySerial = bySerial;
    this.all = all;
    this.source = source;
  }

  /** A trust store of these certificates; {@code source} names where they came from, for messages. */
  public static TrustStore of(Collection<X509Certificate> certificates, String source) {
    Map<IssuerSerial, Trusted> map = new HashMap<>();
    List<Trusted> list = new ArrayList<>();
    for (X509Certificate c : certificates) {
      OptionalLong eui = KeyMaterial.subjectEui64(c);
      if (eui.isEmpty()) {
        throw new IllegalArgumentException(source + ": certificate " + SigningCredential.describe(c)
            + " names no EUI-64 (x500UniqueIdentifier) in its subject; DUIS identifies signers by it");
      }
      IssuerSerial key = new IssuerSerial(c.getIssuerX500Principal(), c.getSerialNumber());
      Trusted t = new Trusted(c, c.getPublicKey(), eui.getAsLong());
      Trusted before = map.putIfAbsent(key, t);
      if (before == null) {
        list.add(t);
      } else if (!before.certificate().equals(c)) {
        throw new IllegalArgumentException(source + ": two different certificates with issuer "
            + c.getIssuerX500Principal().getName() + " and serial " + c.getSerialNumber().toString(16));
      }
    }
    if (list.isEmpty()) {
      throw new IllegalArgumentException(source + ": no certificates");
    }
    return new TrustStore(Map.copyOf(map), List.copyOf(list), source);
  }

  /**
   * Loads a folder of certificates or a keystore file ({@code password} may be empty for a
   * keystore without one, and is ignored for a folder).
   *
   * @throws IllegalArgumentException naming the path and the problem
   */
  public static TrustStore load(Path path, char[] password) {
    if (Files.isDirectory(path)) {
      return of(fromFolder(path), path.toString());
    }
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException(path + ": no such folder or keystore file");
    }
    return of(fromKeyStore(path, password), path.toString());
  }

  private static List<X509Certificate> fromFolder(Path dir) {
    List<X509Certificate> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.sorted().toList()) {
        String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean pem = name.endsWith(".pem");
        if (!Files.isRegularFile(f) || !(pem || name.endsWith(".crt") || name.endsWith(".cer")
            || name.endsWith(".der"))) {
          continue;
        }
        if (pem && !new String(Files.readAllBytes(f), StandardCharsets.US_ASCII).contains("BEGIN CERTIFICATE")) {
          continue; // a key in PEM, as DCC Boxed ships next to its certificates
        }
        out.addAll(KeyMaterial.certificates(f));
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(dir + ": cannot be read: " + e.getMessage());
    }
    return out;
  }

  private static List<X509Certificate> fromKeyStore(Path file, char[] password) {
    try {
      KeyStore ks = KeyStore.getInstance(file.toFile(), password);
      List<X509Certificate> out = new ArrayList<>();
      for (String alias : Collections.list(ks.aliases())) {
        Certificate c = ks.getCertificate(alias);
        if (c instanceof X509Certificate x) {
          out.add(x);
        }
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(file + ": not a readable keystore (PKCS#12 or JKS; wrong password?): "
          + e.getMessage());
    }
  }

  /** The trusted certificate with this issuer name (RFC 2253/4514, as in X509IssuerName) and serial. */
  public Optional<Trusted> find(String issuerName, BigInteger serial) {
    X500Principal issuer = issuerNames.get(issuerName);
    if (issuer == null) {
      try {
        issuer = new X500Principal(issuerName);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
      if (issuerNames.size() < MAX_CACHED_ISSUER_NAMES) {
        issuerNames.put(issuerName, issuer);
      }
    }
    return Optional.ofNullable(bySerial.get(new IssuerSerial(issuer, serial)));
  }

  /** The trusted certificate equal to {@code certificate} (a signature that carries the certificate itself). */
  public Optional<Trusted> find(X509Certificate certificate) {
    Trusted t = bySerial.get(new IssuerSerial(certificate.getIssuerX500Principal(), certificate.getSerialNumber()));
    return t != null && t.certificate().equals(certificate) ? Optional.of(t) : Optional.empty();
  }

  /** Every trusted certificate, in load order. */
  public List<Trusted> certificates() {
    return all;
  }

  /** Where the certificates came from. */
  public String source() {
    return source;
  }
}
