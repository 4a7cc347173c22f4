package io.smsim.cli;

import io.smsim.duis.xmldsig.CertificateValidity;
import io.smsim.duis.xmldsig.DuisSigner;
import io.smsim.duis.xmldsig.DuisVerifier;
import io.smsim.duis.xmldsig.Signatures;
import io.smsim.duis.xmldsig.SigningCredential;
import io.smsim.duis.xmldsig.TrustStore;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/**
 * The XML-signature options {@code smsim serve} and {@code smsim load} share: a trust store to verify
 * what arrives ({@code --trust}, {@code --trust-password}, {@code --cert-validity}) and a key and
 * certificate to sign what is sent ({@code --sign-key}, {@code --sign-cert}). Files are read and
 * checked when {@link #signatures} is called, before any server starts; a problem is a
 * {@link BadInputException} naming the option and the file.
 */
final class SignatureOptions {

  @Option(names = "--trust", paramLabel = "DIR|KEYSTORE",
      description = "Verify received DUIS signatures against these certificates: a folder of PEM/DER certificates "
          + "or a PKCS#12/JKS keystore (serve: requests, refused with E1 when not accepted; load: final responses). "
          + "Without it nothing is verified.")
  Path trust;

  @Option(names = "--trust-password", paramLabel = "PASSWORD", description = "Password of a --trust keystore.")
  String trustPassword;

  @Option(names = "--cert-validity", paramLabel = "enforce|ignore",
      description = "Check signing certificates' validity dates (default ${DEFAULT-VALUE}: DCC's validator does not, "
          + "and DCC Boxed's test certificates expired on 2025-10-29).")
  String certValidity = "ignore";

  @Option(names = "--sign-key", paramLabel = "FILE",
      description = "Private key (PKCS#8, PEM or DER; EC P-256) that signs sent DUIS documents (serve: final "
          + "responses, as the DSP; load: requests, as the Service User). Needs --sign-cert.")
  Path signKey;

  @Option(names = "--sign-cert", paramLabel = "FILE", description = "Certificate (PEM or DER) of --sign-key.")
  Path signCert;

  /** The configured verification and signing; {@code clock} judges certificate validity. */
  Signatures signatures(Clock clock) {
    DuisVerifier verifier = null;
    CertificateValidity validity;
    try {
      validity = CertificateValidity.parse(certValidity);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    if (trust != null) {
      try {
        TrustStore store = TrustStore.load(trust, trustPassword == null ? new char[0] : trustPassword.toCharArray());
        verifier = DuisVerifier.create(store, validity, clock);
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--trust " + e.getMessage());
      }
    } else if (trustPassword != null) {
      throw new BadInputException("--trust-password needs --trust");
    }
    DuisSigner signer = null;
    if ((signKey == null) != (signCert == null)) {
      throw new BadInputException(signKey == null ? "--sign-cert needs --sign-key" : "--sign-key needs --sign-cert");
    }
    if (signKey != null) {
      try {
        signer = DuisSigner.create(SigningCredential.load(signKey, signCert));
      } catch (IllegalArgumentException e) {
        throw new BadInputException("--sign-key/--sign-cert " + e.getMessage());
      }
    }
    return new Signatures(verifier, signer);
  }
}
