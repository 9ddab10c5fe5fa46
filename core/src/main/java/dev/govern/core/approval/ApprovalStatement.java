package dev.govern.core.approval;

import dev.govern.core.ledger.CanonicalJson;
import dev.govern.core.ledger.SigningKey;
import dev.govern.core.ledger.TrustedKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an approver signs: "I, {@code approver}, {@code verdict} change request {@code requestId}
 * (this environment, version, reason, requester, time and attached evidence)". The signature covers
 * the SHA-256 of the canonical JSON of these members (the ledger's canonical form), so the same
 * signature can neither be moved to another request nor turned from an approval into a rejection.
 *
 * @param requestId the change request
 * @param environment the environment it changes
 * @param version the Go version it asks for
 * @param status the environment status it asks for
 * @param reason why, as the requester wrote it
 * @param requester who filed it
 * @param createdAt when it was filed (UTC RFC 3339)
 * @param attachmentSha256 the hex SHA-256 of the attached evidence, or null
 * @param emergency whether it is an emergency change
 * @param approver who signs
 * @param verdict {@code approve}, {@code reject} or {@code review}
 */
public record ApprovalStatement(
    String requestId,
    String environment,
    String version,
    String status,
    String reason,
    String requester,
    String createdAt,
    String attachmentSha256,
    boolean emergency,
    String approver,
    String verdict) {

  /** The canonical JSON text of the statement. */
  public String canonical() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("request", requestId);
    m.put("environment", environment);
    m.put("version", version);
    m.put("status", status);
    m.put("reason", reason);
    m.put("requester", requester);
    m.put("createdAt", createdAt);
    if (attachmentSha256 != null) {
      m.put("attachmentSha256", attachmentSha256);
    }
    m.put("emergency", emergency);
    m.put("approver", approver);
    m.put("verdict", verdict);
    StringBuilder sb = new StringBuilder();
    CanonicalJson.writeCanonical(m, sb);
    return sb.toString();
  }

  /** The hex SHA-256 of {@link #canonical()}: what the signature covers. */
  public String digestHex() {
    byte[] bytes = canonical().getBytes(StandardCharsets.UTF_8);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The approver's signature ({@code <keyId>:<base64>}). */
  public String sign(SigningKey key) {
    return key.sign(digestHex());
  }

  /** Whether {@code sig} is a valid signature of a trusted key of {@link #approver}. */
  public TrustedKeys.Status check(String sig, TrustedKeys keys) {
    return keys.check(sig, HexFormat.of().parseHex(digestHex()), approver);
  }
}
