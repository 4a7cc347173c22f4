/**
 * XML signatures as DUIS uses them: {@link io.smsim.duis.xmldsig.DuisSigner} signs a DUIS document
 * (enveloped, exclusive C14N, ECDSA P-256 with SHA-256, KeyInfo by X509IssuerSerial) with a
 * {@link io.smsim.duis.xmldsig.SigningCredential}; {@link io.smsim.duis.xmldsig.DuisVerifier}
 * checks one against a {@link io.smsim.duis.xmldsig.TrustStore} under a
 * {@link io.smsim.duis.xmldsig.CertificateValidity} policy, and says why it refused
 * ({@link io.smsim.duis.xmldsig.SignatureRejectedException.Reason}).
 *
 * <p>All cryptography and canonicalization is the JDK's XML Digital Signature API
 * ({@code javax.xml.crypto.dsig}); DOM parsing is hardened as the StAX codec is (no DOCTYPE, no
 * external entities, bounded size and depth). The profile is that of DCC's own signing tool
 * (SmartDCCInnovation dccboxed-signing-tool), so documents signed here pass DCC's validator and
 * documents DCC's tool signs verify here.
 *
 * <p>Layer 3 (beside {@code scenario}). May import: {@code duis}, {@code model}.
 */
package io.smsim.duis.xmldsig;
