package dev.govern.core.ledger;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The public keys whose signatures count, by key id. Safe to use from several threads. */
public final class TrustedKeys {
  /** What a {@code sig} value says about an entry. */
  public enum Status {
    /** Signed by a trusted key of the entry's own operator, and the signature holds. */
    VALID,
    /** No signature. */
    UNSIGNED,
    /** Signed by a key nobody trusts. */
    UNKNOWN_KEY,
    /** Signed by a trusted key of another operator. */
    WRONG_OPERATOR,
    /** The signature does not verify (or is not well formed). */
    BAD
  }

  private static final ThreadLocal<Signature> VERIFIER =
      ThreadLocal.withInitial(
          () -> {
            try {
              return Signature.getInstance("Ed25519");
            } catch (GeneralSecurityException e) {
              throw new IllegalStateException("the JDK has no Ed25519", e);
            }
          });

  private final Map<String, TrustedKey> byId = new LinkedHashMap<>();

  public TrustedKeys(Collection<TrustedKey> keys) {
    for (TrustedKey k : keys) {
      byId.putIfAbsent(k.keyId(), k);
    }
  }

  public static TrustedKeys none() {
    return new TrustedKeys(java.util.List.of());
  }

  public Collection<TrustedKey> all() {
    return byId.values();
  }

  public Optional<TrustedKey> byId(String keyId) {
    return Optional.ofNullable(byId.get(keyId));
  }

  /** Checks {@code sig} over {@code message} for an entry that names {@code operator}. */
  public Status check(String sig, byte[] message, String operator) {
    if (sig == null) {
      return Status.UNSIGNED;
    }
    int colon = sig.indexOf(':');
    if (colon <= 0) {
      return Status.BAD;
    }
    TrustedKey key = byId.get(sig.substring(0, colon));
    if (key == null) {
      return Status.UNKNOWN_KEY;
    }
    if (!key.operator().equals(operator)) {
      return Status.WRONG_OPERATOR;
    }
    byte[] sigBytes;
    try {
      sigBytes = Base64.getDecoder().decode(sig.substring(colon + 1));
    } catch (IllegalArgumentException e) {
      return Status.BAD;
    }
    return verifyWithCachedKey(key, message, sigBytes) ? Status.VALID : Status.BAD;
  }

  /**
   * Each thread keeps one {@link Signature} per key, initialized once: {@code verify()} returns it
   * to the initialized state, so the key is decoded once rather than once per entry.
   */
  private final ThreadLocal<Map<String, Signature>> initialized =
      ThreadLocal.withInitial(java.util.HashMap::new);

  private boolean verifyWithCachedKey(TrustedKey key, byte[] message, byte[] signature) {
    Map<String, Signature> mine = initialized.get();
    Signature s = mine.get(key.keyId());
    try {
      if (s == null) {
        s = Signature.getInstance("Ed25519");
        s.initVerify(key.publicKey());
        mine.put(key.keyId(), s);
      }
      s.update(message);
      return s.verify(signature);
    } catch (GeneralSecurityException e) {
      mine.remove(key.keyId()); // state unknown after a failure: start afresh next time
      return false;
    }
  }

  /** One raw Ed25519 verification. */
  public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
    Signature s = VERIFIER.get();
    try {
      s.initVerify(key);
      s.update(message);
      return s.verify(signature);
    } catch (InvalidKeyException e) {
      return false;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
