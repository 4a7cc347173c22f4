package io.smsim.duis.xmldsig;

import java.util.Optional;

/**
 * What a party does with DUIS signatures: verify what it receives against a trust store (or not
 * at all), and sign what it sends with its credential (or send it unsigned). {@code smsim serve}
 * verifies requests and signs final responses; {@code smsim load} signs requests and verifies final
 * responses.
 *
 * @param verifier checks received documents, or {@code null}: nothing is verified
 * @param signer signs sent documents, or {@code null}: they go unsigned
 */
public record Signatures(DuisVerifier verifier, DuisSigner signer) {

  private static final Signatures NONE = new Signatures(null, null);

  /** Nothing verified, nothing signed. */
  public static Signatures none() {
    return NONE;
  }

  public Optional<DuisVerifier> verifying() {
    return Optional.ofNullable(verifier);
  }

  public Optional<DuisSigner> signing() {
    return Optional.ofNullable(signer);
  }

  /** {@code xml} signed with the credential, or as it is when there is none. */
  public byte[] signIfConfigured(byte[] xml) {
    return signer == null ? xml : signer.sign(xml);
  }

  /** One line for a banner: how received documents ({@code what}, e.g. "requests") are checked. */
  public String describeVerification(String what) {
    if (verifier == null) {
      return what + " not verified (no --trust): any signature, or none, is accepted";
    }
    return what + " verified against " + verifier.trust().certificates().size() + " certificates in "
        + verifier.trust().source() + " (certificate validity "
        + (verifier.validity() == CertificateValidity.IGNORE ? "not checked, as DCC's validator" : "enforced") + ")";
  }

  /** One line for a banner: how sent documents ({@code what}, e.g. "final responses") are signed. */
  public String describeSigning(String what) {
    return signer == null ? what + " unsigned (no --sign-key/--sign-cert)"
        : what + " signed by " + signer.credential().describe();
  }
}
