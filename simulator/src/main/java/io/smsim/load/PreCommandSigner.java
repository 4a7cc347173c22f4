package io.smsim.load;

import io.smsim.duis.GbcsPreCommand;
import io.smsim.duis.RequestId;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Objects;

/**
 * Signs the GBCS pre-commands the Transform Service returns, as a Service User does before sending
 * a critical command back as a signed pre-command (DUIS command variant 5): ECDSA P-256 with
 * SHA-256 over the pre-command after its General Signing tag, the 64-byte {@code r || s} appended
 * with its length ({@link GbcsPreCommand#sign}; GBCS's General Signing, as DCC Boxed's own client
 * signs). Before signing it checks that the pre-command is one for the request: a General Signing
 * command whose originator counter, originator and recipient are the RequestID's
 * ({@link GbcsPreCommand#headerMismatch}).
 *
 * <p>One per worker (a {@link Signature} is not thread-safe). The key is the Service User's digital
 * signing key; see {@link #runKey} for where it comes from.
 */
final class PreCommandSigner {

  /** Why a pre-command could not be signed: the run's outcome code for the request. */
  static final String BAD_PRE_COMMAND = "transform:bad-pre-command";

  private final Signature ecdsa;
  private final PrivateKey key;
  private final SecureRandom random;

  PreCommandSigner(PrivateKey key, SecureRandom random) {
    this.key = Objects.requireNonNull(key, "key");
    this.random = random;
    if (!(key instanceof ECPrivateKey ec) || ec.getParams().getCurve().getField().getFieldSize() != 256) {
      throw new IllegalArgumentException("a GBCS signing key is ECDSA on P-256: " + key.getAlgorithm());
    }
    try {
      this.ecdsa = Signature.getInstance("SHA256withECDSAinP1363Format");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides ECDSA with SHA-256", e);
    }
  }

  /**
   * The key a run signs pre-commands with: the Service User's signing key ({@code --sign-key}, the
   * key that signs its DUIS requests: DCC Boxed's client signs both with the user's digital signing
   * key), or without one a P-256 key generated for the run. A device checks the signature against
   * the user's certificate; smsim serve does not (it checks that the pre-command comes back
   * unaltered with a 64-byte signature), so any P-256 key drives it, while a DSP test environment
   * needs the user's own key.
   */
  static PrivateKey runKey(LoadOptions options) {
    if (options.signatures().signer() != null) {
      return options.signatures().signer().credential().key();
    }
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
      g.initialize(new ECGenParameterSpec("secp256r1"));
      return g.generateKeyPair().getPrivate();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK provides P-256 keys", e);
    }
  }

  /** Where {@link #runKey} comes from. */
  static LoadResult.PreCommandKey keySource(LoadOptions options) {
    return options.signatures().signer() != null ? LoadResult.PreCommandKey.SIGN_KEY : LoadResult.PreCommandKey.RUN_KEY;
  }

  /**
   * The signed pre-command in base64 for the base64 {@code preCommand} the target returned for
   * request {@code id}, or {@code null} when it is not a pre-command for that request.
   */
  String sign(String preCommand, RequestId id) {
    byte[] pre;
    try {
      pre = Base64.getMimeDecoder().decode(preCommand);
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (GbcsPreCommand.headerMismatch(pre, id).isPresent()) {
      return null;
    }
    try {
      ecdsa.initSign(key, random);
      byte[] signedPart = GbcsPreCommand.signedPart(pre);
      ecdsa.update(signedPart);
      return Base64.getEncoder().encodeToString(GbcsPreCommand.sign(pre, ecdsa.sign()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("signing with a P-256 key failed", e);
    }
  }
}
