package dev.govern.core.ledger;

import java.security.PublicKey;

/**
 * A public key whose signatures the ledger accepts for one operator.
 *
 * @param operator the operator the key belongs to
 * @param publicKey the Ed25519 public key
 * @param source where it was declared (a governance file, a {@code .pub} file)
 */
public record TrustedKey(String operator, PublicKey publicKey, String source) {
  public String keyId() {
    return Ed25519Keys.keyId(publicKey);
  }
}
