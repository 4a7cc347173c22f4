package io.smsim.duis.xmldsig;

import java.util.Objects;

/**
 * A DUIS document's XML signature was not accepted: why ({@link Reason}) and the detail (the
 * offending value, the certificate, the algorithm). Built without a stack trace: rejections are
 * expected traffic.
 */
public final class SignatureRejectedException extends Exception {

  private static final long serialVersionUID = 1L;

  /** Why a signature was not accepted; a closed set, so that callers can count and map them. */
  public enum Reason {
    /** The document could not be parsed for signature checking. */
    MALFORMED("document cannot be checked"),
    /** No {@code ds:Signature} where DUIS puts it: the last child of the root element. */
    MISSING("no signature"),
    /** More than one signature, or one that is not the root's last child. */
    MISPLACED("signature not where DUIS puts it"),
    /** Not the DUIS profile: enveloped, exclusive C14N, ECDSA P-256 with SHA-256, one whole-document reference. */
    NOT_DUIS_PROFILE("signature does not follow the DUIS profile"),
    /** KeyInfo does not name a certificate by X509IssuerSerial (or X509Certificate). */
    NO_KEY_INFO("signature names no certificate"),
    /** The named certificate is not in the trust store. */
    UNKNOWN_CERTIFICATE("certificate not trusted"),
    /** Outside the certificate's validity period, with validity enforced. */
    CERTIFICATE_NOT_VALID_NOW("certificate expired or not yet valid"),
    /** The document was changed after signing: the reference digest does not match. */
    DIGEST_MISMATCH("document altered after signing"),
    /** The signature value does not verify with the certificate's key. */
    BAD_SIGNATURE_VALUE("signature value does not verify"),
    /** The certificate's subject EUI-64 is not the RequestID's originator. */
    SIGNER_NOT_ORIGINATOR("signer is not the request's originator");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  private final Reason reason;
  private final String detail;

  public SignatureRejectedException(Reason reason, String detail) {
    super(null, null, false, false);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  public Reason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }

  @Override
  public String getMessage() {
    return reason.description() + ": " + detail;
  }
}
