package dev.govern.core.ledger;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the team server countersigns when it witnesses a CLI ledger's checkpoint: "I saw ledger
 * {@code ledgerId} at {@code seq} with head {@code hash} (as signed by its operator) at {@code
 * witnessedAt}". The ledger id is the hash of the ledger's first entry. The server signs the
 * SHA-256 of the canonical JSON of these members; {@code govern audit verify --witness} checks it.
 *
 * @param ledgerId the hash of the ledger's seq 1
 * @param checkpoint the operator's checkpoint
 * @param witnessedAt when the server saw it, UTC RFC 3339
 */
public record WitnessStatement(String ledgerId, Checkpoint checkpoint, String witnessedAt) {
  /** The hex SHA-256 of the canonical statement: what the witness signature covers. */
  public String digestHex() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("ledger", ledgerId);
    m.put("seq", checkpoint.seq());
    m.put("hash", checkpoint.hash());
    m.put("time", checkpoint.time());
    m.put("operator", checkpoint.operator());
    if (checkpoint.sig() != null) {
      m.put("sig", checkpoint.sig());
    }
    m.put("witnessedAt", witnessedAt);
    StringBuilder sb = new StringBuilder();
    CanonicalJson.writeCanonical(m, sb);
    byte[] bytes = sb.toString().getBytes(StandardCharsets.UTF_8);
    return HexFormat.of().formatHex(LedgerEntry.sha256().digest(bytes));
  }

  /** The witness signature by {@code key}. */
  public String sign(SigningKey key) {
    return key.sign(digestHex());
  }

  /** Whether {@code witnessSig} is a valid signature of {@code witnessOperator}'s trusted key. */
  public TrustedKeys.Status check(String witnessSig, TrustedKeys keys, String witnessOperator) {
    return keys.check(witnessSig, HexFormat.of().parseHex(digestHex()), witnessOperator);
  }
}
