package dev.govern.server.auth;

import dev.govern.core.GovernException;
import dev.govern.core.ledger.Change;
import dev.govern.core.ledger.Ledger;
import dev.govern.server.db.TokenDao;
import dev.govern.server.ledger.ServerLedger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Making, finding and revoking tokens. A token is {@code gvn_} and 32 random bytes (base64url); it
 * is shown once, and only its SHA-256 is stored (the secret has 256 bits of entropy, so a fast hash
 * is enough: nothing can be guessed from it). Creating and revoking are ledger entries.
 */
public final class Tokens {
  /** The prefix of every token, so secret scanners can find leaked ones. */
  public static final String PREFIX = "gvn_";

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token just made: the secret (shown once) and its row. */
  public record Created(String secret, TokenDao.TokenRow row) {}

  private final Jdbi jdbi;
  private final ServerLedger ledger;

  public Tokens(Jdbi jdbi, ServerLedger ledger) {
    this.jdbi = jdbi;
    this.ledger = ledger;
  }

  public Created create(
      String user, Role role, Instant expires, List<String> groups, String createdBy) {
    Names.check("--name", user);
    groups.forEach(g -> Names.check("--group", g));
    Instant now = ledger.clock().instant();
    if (expires != null && !expires.isAfter(now)) {
      throw GovernException.usage("--expires: " + expires + " is not in the future");
    }
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    byte[] idBytes = new byte[6];
    RANDOM.nextBytes(idBytes);
    String id = HexFormat.of().formatHex(idBytes);
    String created = Ledger.TIME.format(now);
    TokenDao.TokenRow row =
        new TokenDao.TokenRow(
            id,
            user,
            role.word(),
            created,
            expires == null ? null : Ledger.TIME.format(expires),
            null);
    jdbi.useTransaction(
        h -> {
          TokenDao dao = new TokenDao(h);
          dao.ensureUser(user, groups, created);
          dao.insert(row, sha256(secret));
          ledger.append(
              h,
              new Change(
                  "token-create",
                  "token:" + id,
                  null,
                  role.word(),
                  "token for "
                      + user
                      + (groups.isEmpty() ? "" : " (groups " + String.join(", ", groups) + ")")
                      + (expires == null ? "" : ", expires " + row.expiresAt()),
                  null),
              createdBy);
        });
    return new Created(secret, row);
  }

  public List<TokenDao.TokenRow> list() {
    return jdbi.withHandle(h -> new TokenDao(h).list());
  }

  public void revoke(String id, String revokedBy) {
    jdbi.useTransaction(
        h -> {
          TokenDao dao = new TokenDao(h);
          TokenDao.TokenRow t =
              dao.find(id)
                  .orElseThrow(
                      () ->
                          GovernException.notFound(
                              "no token with id " + id, "see 'govern server token list'"));
          if (!dao.revoke(id, Ledger.TIME.format(ledger.clock().instant()))) {
            throw new GovernException(
                dev.govern.core.ErrorCode.CONFLICT, "token " + id + " is already revoked");
          }
          ledger.append(
              h,
              new Change(
                  "token-revoke", "token:" + id, t.role(), null, "token of " + t.user(), null),
              revokedBy);
        });
  }

  /** The principal of a live token, if {@code secret} is one. */
  public Optional<Principal> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 200) {
      return Optional.empty();
    }
    String now = Ledger.TIME.format(ledger.clock().instant());
    return jdbi.withHandle(h -> new TokenDao(h).principal(sha256(secret), now));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
