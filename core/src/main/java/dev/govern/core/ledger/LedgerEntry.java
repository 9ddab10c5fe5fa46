package dev.govern.core.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of the audit ledger.
 *
 * @param seq position in the ledger, from 1
 * @param time when it was appended, UTC RFC 3339 with milliseconds ({@code
 *     2024-06-15T10:20:30.123Z})
 * @param operator who did it ({@code user@host} unless given)
 * @param action what happened ({@code install}, {@code use-default}, {@code env-set}, …)
 * @param subject what changed (an environment, a machine, a repository)
 * @param from the version before, or null
 * @param to the version after, or null
 * @param reason why, or null
 * @param evidence what the verifying command printed, or null
 * @param prev the hash of the previous entry ({@link #GENESIS} for the first)
 * @param hash SHA-256 over prev and the canonical JSON of this entry without hash and sig
 * @param sig {@code <keyId>:<base64 Ed25519 signature of the 32 hash bytes>}, or null when unsigned
 */
public record LedgerEntry(
    long seq,
    String time,
    String operator,
    String action,
    String subject,
    String from,
    String to,
    String reason,
    Evidence evidence,
    String prev,
    String hash,
    String sig) {

  /** The {@code prev} of the first entry: 64 zeros. */
  public static final String GENESIS = "0".repeat(64);

  /** The members covered by the hash, in the order lines are written (null members omitted). */
  public Map<String, Object> body() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    m.put("time", time);
    m.put("operator", operator);
    m.put("action", action);
    m.put("subject", subject);
    putIfSet(m, "from", from);
    putIfSet(m, "to", to);
    putIfSet(m, "reason", reason);
    if (evidence != null) {
      Map<String, Object> ev = new LinkedHashMap<>();
      putIfSet(ev, "command", evidence.command());
      ev.put("exitCode", (long) evidence.exitCode());
      putIfSet(ev, "head", evidence.head());
      putIfSet(ev, "tail", evidence.tail());
      ev.put("omittedLines", (long) evidence.omittedLines());
      m.put("evidence", ev);
    }
    m.put("prev", prev);
    return m;
  }

  /** This entry with its hash computed from its body. */
  public LedgerEntry withComputedHash() {
    return new LedgerEntry(
        seq,
        time,
        operator,
        action,
        subject,
        from,
        to,
        reason,
        evidence,
        prev,
        hashOf(body()),
        sig);
  }

  public LedgerEntry withSig(String signature) {
    return new LedgerEntry(
        seq, time, operator, action, subject, from, to, reason, evidence, prev, hash, signature);
  }

  /** The line as written to the ledger (without the newline). */
  public String toLine() {
    StringBuilder sb = new StringBuilder(256);
    sb.append('{');
    boolean first = true;
    Map<String, Object> m = body();
    m.put("hash", hash);
    putIfSet(m, "sig", sig);
    for (Map.Entry<String, Object> e : m.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      CanonicalJson.writeString(e.getKey(), sb);
      sb.append(':');
      if (e.getValue() instanceof Map<?, ?> nested) {
        // evidence: written in its own fixed order
        sb.append('{');
        boolean f2 = true;
        for (Map.Entry<?, ?> n : nested.entrySet()) {
          if (!f2) {
            sb.append(',');
          }
          f2 = false;
          CanonicalJson.writeString((String) n.getKey(), sb);
          sb.append(':');
          CanonicalJson.writeScalar(n.getValue(), sb);
        }
        sb.append('}');
      } else {
        CanonicalJson.writeScalar(e.getValue(), sb);
      }
    }
    sb.append('}');
    return sb.toString();
  }

  /**
   * The hash of an entry body: SHA-256 over the ASCII of {@code prev}, one newline, and the
   * canonical JSON of the body (which itself contains prev), as lower-case hex.
   */
  public static String hashOf(Map<String, Object> body) {
    Object prev = body.get("prev");
    byte[] canonical = CanonicalJson.canonicalBytes(body);
    return hashOf(prev instanceof String s ? s : "", canonical);
  }

  static String hashOf(String prev, byte[] canonical) {
    MessageDigest md = sha256();
    md.update(prev.getBytes(StandardCharsets.US_ASCII));
    md.update((byte) '\n');
    md.update(canonical);
    return HexFormat.of().formatHex(md.digest());
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  /**
   * Reads an entry from a parsed line. Unknown members are not an error here (the hash, computed
   * over all members, catches them); missing or mistyped required members are.
   */
  public static LedgerEntry fromMap(Map<String, Object> m) {
    Evidence ev = null;
    if (m.get("evidence") instanceof Map<?, ?> e) {
      ev =
          new Evidence(
              str(e.get("command")),
              (int) num(e.get("exitCode"), "evidence.exitCode"),
              str(e.get("head")),
              str(e.get("tail")),
              (int) num(e.get("omittedLines"), "evidence.omittedLines"));
    }
    return new LedgerEntry(
        seqOf(m),
        req(m, "time"),
        req(m, "operator"),
        req(m, "action"),
        req(m, "subject"),
        str(m.get("from")),
        str(m.get("to")),
        str(m.get("reason")),
        ev,
        req(m, "prev"),
        req(m, "hash"),
        str(m.get("sig")));
  }

  private static void putIfSet(Map<String, Object> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static String req(Map<String, Object> m, String key) {
    Object v = m.get(key);
    if (v instanceof String s) {
      return s;
    }
    throw new CanonicalJson.MalformedJsonException(
        v == null ? "missing \"" + key + "\"" : "\"" + key + "\" is not a string");
  }

  private static String str(Object v) {
    if (v == null || v instanceof String) {
      return (String) v;
    }
    throw new CanonicalJson.MalformedJsonException("expected a string, found " + v);
  }

  private static long seqOf(Map<String, Object> m) {
    if (m.get("seq") instanceof Long l) {
      return l;
    }
    throw new CanonicalJson.MalformedJsonException("missing or non-integer \"seq\"");
  }

  private static long num(Object v, String key) {
    if (v instanceof Long l) {
      return l;
    }
    if (v == null) {
      return 0;
    }
    throw new CanonicalJson.MalformedJsonException("\"" + key + "\" is not an integer");
  }
}
