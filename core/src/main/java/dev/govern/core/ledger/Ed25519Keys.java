package dev.govern.core.ledger;

import dev.govern.core.GovernException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys with the JDK's own provider. Public keys travel as the raw 32 bytes in base64 (the
 * form of the governance file's {@code keys:} list); private keys as PKCS#8 in base64. A key id is
 * the first 8 bytes of SHA-256 over the raw public key, in hex.
 */
public final class Ed25519Keys {
  /** The DER prefix of an X.509 SubjectPublicKeyInfo holding a raw Ed25519 key. */
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  private Ed25519Keys() {}

  public static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no Ed25519", e);
    }
  }

  /** The raw 32 bytes of a public key. */
  public static byte[] raw(PublicKey key) {
    byte[] enc = key.getEncoded();
    return Arrays.copyOfRange(enc, enc.length - 32, enc.length);
  }

  public static String rawBase64(PublicKey key) {
    return Base64.getEncoder().encodeToString(raw(key));
  }

  /** A public key from its raw 32 bytes in base64; {@code where} names the source for errors. */
  public static PublicKey publicKey(String base64, String where) {
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw GovernException.invalidInput(where + ": ed25519 key is not base64");
    }
    if (raw.length != 32) {
      throw GovernException.invalidInput(
          where + ": ed25519 key must be 32 bytes, found " + raw.length);
    }
    byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(raw, 0, der, X509_PREFIX.length, 32);
    try {
      return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    } catch (GeneralSecurityException e) {
      throw GovernException.invalidInput(where + ": not an Ed25519 public key");
    }
  }

  public static PrivateKey privateKey(String pkcs8Base64, String where) {
    try {
      byte[] der = Base64.getDecoder().decode(pkcs8Base64.strip());
      return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw GovernException.invalidInput(where + ": not an Ed25519 private key (PKCS#8, base64)");
    }
  }

  public static String keyId(PublicKey key) {
    byte[] d = LedgerEntry.sha256().digest(raw(key));
    return HexFormat.of().formatHex(d, 0, 8);
  }
}
