package dev.govern.core.ledger;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An operator's private key. Signs entry hashes: the signature covers the 32 raw bytes of the
 * SHA-256 hash, and is written as {@code <keyId>:<base64 signature>}.
 *
 * @param operator whose key it is
 * @param privateKey the Ed25519 private key
 * @param publicKey its public half
 */
public record SigningKey(String operator, PrivateKey privateKey, PublicKey publicKey) {
  public String keyId() {
    return Ed25519Keys.keyId(publicKey);
  }

  /** The {@code sig} value for an entry or checkpoint with this hash (hex). */
  public String sign(String hashHex) {
    return sign(HexFormat.of().parseHex(hashHex));
  }

  String sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(privateKey);
      s.update(message);
      return keyId() + ":" + Base64.getEncoder().encodeToString(s.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with Ed25519: " + e.getMessage(), e);
    }
  }

  /** The trusted-key view of this key. */
  public TrustedKey trusted(String source) {
    return new TrustedKey(operator, publicKey, source);
  }
}
