package dev.govern.core.sumdb;

import dev.govern.core.GovernException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A verifier key of the signed-note format, {@code <name>+<hash>+<base64 key>}: the key's name (the
 * checksum database's host, {@code sum.golang.org}), the first four bytes of SHA-256 over {@code
 * name + "\n" + key} in hex, and the key itself, an algorithm byte (1 = Ed25519) followed by the 32
 * bytes of the public key.
 *
 * @param name the key's name
 * @param keyHash the 32-bit key hash that signatures name
 * @param text the key as written
 */
public record NoteKey(String name, int keyHash, String text, PublicKey publicKey) {
  /** The key of the Go checksum database, sum.golang.org (published in the Go distribution). */
  public static final String SUM_GOLANG_ORG =
      "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8";

  private static final byte ED25519 = 1;
  private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

  /**
   * Parses a verifier key.
   *
   * @throws GovernException INVALID_INPUT naming the key and what is wrong with it
   */
  public static NoteKey parse(String text) {
    String[] parts = text.split("\\+", 3);
    if (parts.length != 3 || !validName(parts[0]) || parts[1].length() != 8) {
      throw bad(text, "expected <name>+<8 hex digits>+<base64 key>");
    }
    int hash;
    byte[] key;
    try {
      hash = Integer.parseUnsignedInt(parts[1], 16);
      key = Base64.getDecoder().decode(parts[2]);
    } catch (IllegalArgumentException e) {
      throw bad(text, "the hash is not hex or the key is not base64");
    }
    if (key.length == 0) {
      throw bad(text, "the key is empty");
    }
    if (hash != keyHash(parts[0], key)) {
      throw bad(text, "the key hash " + parts[1] + " does not match the key");
    }
    if (key[0] != ED25519) {
      throw bad(text, "unknown signature algorithm " + (key[0] & 0xff) + " (govern knows Ed25519)");
    }
    if (key.length != 33) {
      throw bad(text, "an Ed25519 key has 32 bytes, not " + (key.length - 1));
    }
    byte[] der = Arrays.copyOf(X509_PREFIX, X509_PREFIX.length + 32);
    System.arraycopy(key, 1, der, X509_PREFIX.length, 32);
    try {
      PublicKey pk = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      return new NoteKey(parts[0], hash, text, pk);
    } catch (GeneralSecurityException e) {
      throw bad(text, "not an Ed25519 public key");
    }
  }

  /** The key hash of {@code key} (algorithm byte included) under {@code name}. */
  static int keyHash(String name, byte[] key) {
    var d = Tlog.sha256();
    d.update(name.getBytes(StandardCharsets.UTF_8));
    d.update((byte) '\n');
    d.update(key);
    byte[] sum = d.digest();
    return ((sum[0] & 0xff) << 24)
        | ((sum[1] & 0xff) << 16)
        | ((sum[2] & 0xff) << 8)
        | (sum[3] & 0xff);
  }

  /** A name may not be empty or hold a space or a plus sign. */
  static boolean validName(String name) {
    if (name.isEmpty() || name.indexOf('+') >= 0) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isWhitespace(name.charAt(i)) || Character.isSpaceChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code signature} is this key's signature of {@code message}. */
  boolean verifies(byte[] message, byte[] signature) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initVerify(publicKey);
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** {@code name+hash}, the way notes and messages name a key. */
  public String id() {
    return name + "+" + String.format("%08x", keyHash);
  }

  private static GovernException bad(String text, String why) {
    String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
    return GovernException.invalidInput(
        "not a checksum database key: \"" + shown + "\" (" + why + ")");
  }

  @Override
  public String toString() {
    return text;
  }
}
