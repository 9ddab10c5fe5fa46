package dev.govern.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A signed statement "the ledger had {@code seq} entries and its head hash was {@code hash}", kept
 * in a file beside the ledger ({@code ledger.jsonl.checkpoints}) so that cutting entries off the
 * ledger's tail is detected.
 *
 * @param seq the seq of the head entry
 * @param hash the hash of the head entry
 * @param time when, UTC RFC 3339
 * @param operator who wrote it
 * @param sig {@code <keyId>:<base64>} over {@link #signedBytes()}, or null
 */
public record Checkpoint(long seq, String hash, String time, String operator, String sig) {
  /** The canonical JSON of seq, hash, time and operator: what the signature covers. */
  public byte[] signedBytes() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", seq);
    m.put("hash", hash);
    m.put("time", time);
    m.put("operator", operator);
    StringBuilder sb = new StringBuilder();
    CanonicalJson.writeCanonical(m, sb);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  public Checkpoint signedBy(SigningKey key) {
    return new Checkpoint(seq, hash, time, operator, key.sign(signedBytes()));
  }

  public String toLine() {
    StringBuilder sb = new StringBuilder("{\"seq\":").append(seq).append(",\"hash\":");
    CanonicalJson.writeString(hash, sb);
    sb.append(",\"time\":");
    CanonicalJson.writeString(time, sb);
    sb.append(",\"operator\":");
    CanonicalJson.writeString(operator, sb);
    if (sig != null) {
      sb.append(",\"sig\":");
      CanonicalJson.writeString(sig, sb);
    }
    return sb.append('}').toString();
  }

  /** Parses one checkpoint line; throws IllegalArgumentException naming what is wrong. */
  public static Checkpoint parse(String line) {
    return fromMap(CanonicalJson.parseObject(line));
  }

  public static Checkpoint fromMap(Map<String, Object> m) {
    if (!(m.get("seq") instanceof Long seq)
        || !(m.get("hash") instanceof String hash)
        || !(m.get("time") instanceof String time)
        || !(m.get("operator") instanceof String op)) {
      throw new CanonicalJson.MalformedJsonException("not a checkpoint");
    }
    Object sig = m.get("sig");
    return new Checkpoint(seq, hash, time, op, sig instanceof String s ? s : null);
  }
}
