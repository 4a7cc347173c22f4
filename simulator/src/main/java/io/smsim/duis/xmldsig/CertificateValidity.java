package io.smsim.duis.xmldsig;

import java.util.Locale;

/**
 * Whether a verifier checks the signing certificate's validity period ({@code notBefore ..
 * notAfter}) against the clock.
 *
 * <p>DCC's own validator (SmartDCCInnovation dccboxed-signing-tool, {@code Validate}) looks the
 * certificate up by serial number and checks the signature, never the dates; and several of DCC
 * Boxed's published test certificates (the Z1 supplier, network operator, recovery and
 * transitional CoS certificates) expired on 2025-10-29. A verifier that is to accept DCC Boxed
 * clients must therefore be able to ignore validity; one standing in for a production DSP should
 * enforce it. {@code smsim serve} and {@code smsim load} take {@code --cert-validity}.
 */
public enum CertificateValidity {
  /** Reject a signature whose certificate is expired or not yet valid. */
  ENFORCE,
  /** Accept a trusted certificate whatever its dates, as DCC's validator and DCC Boxed do. */
  IGNORE;

  /** {@code enforce} or {@code ignore}, as the CLI writes it. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The policy named {@code text} ({@code enforce} or {@code ignore}, any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static CertificateValidity parse(String text) {
    for (CertificateValidity v : values()) {
      if (v.key().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return v;
      }
    }
    throw new IllegalArgumentException("--cert-validity must be enforce or ignore: " + text);
  }
}
