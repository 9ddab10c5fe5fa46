package dev.govern.server.web;

import dev.govern.core.ledger.Ledger;
import dev.govern.server.auth.Principal;
import dev.govern.server.auth.Role;
import dev.govern.server.db.TokenDao;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Dashboard sessions, in the database (any server process can serve any request): a random cookie
 * value of which only the SHA-256 is stored, the token it was opened with (revoking the token ends
 * the session), a CSRF token for its forms, and an expiry.
 */
final class Sessions {
  static final Duration LIFETIME = Duration.ofHours(8);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A live session: who, and the CSRF token its forms must carry. */
  record Session(Principal principal, String csrf) {}

  private final Jdbi jdbi;
  private final Clock clock;

  Sessions(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Opens a session for {@code p}; returns the cookie value. */
  String open(Principal p) {
    String id = random();
    String now = Ledger.TIME.format(clock.instant());
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
                    INSERT INTO sessions (id_sha256, token_id, csrf, created_at, expires_at)
                    VALUES (:id, :token, :csrf, :now, :exp)
                    """)
                .bind("id", sha256(id))
                .bind("token", p.tokenId())
                .bind("csrf", random())
                .bind("now", now)
                .bind("exp", Ledger.TIME.format(clock.instant().plus(LIFETIME)))
                .execute());
    return id;
  }

  Optional<Session> find(String cookie) {
    if (cookie == null || !cookie.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    String now = Ledger.TIME.format(clock.instant());
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
                    SELECT s.csrf, t.id, t.user_name, t.role FROM sessions s
                    JOIN tokens t ON t.id = s.token_id
                    WHERE s.id_sha256 = :id AND s.expires_at > :now AND t.revoked_at IS NULL
                      AND (t.expires_at IS NULL OR t.expires_at > :now)
                    """)
                .bind("id", sha256(cookie))
                .bind("now", now)
                .map(
                    (rs, c) ->
                        new String[] {
                          rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)
                        })
                .findOne()
                .map(
                    r ->
                        new Session(
                            new Principal(
                                r[2], Role.parse(r[3]), r[1], new TokenDao(h).groups(r[2])),
                            r[0])));
  }

  void close(String cookie) {
    if (cookie != null) {
      jdbi.useHandle(
          h ->
              h.createUpdate("DELETE FROM sessions WHERE id_sha256 = :id")
                  .bind("id", sha256(cookie))
                  .execute());
    }
  }

  static boolean sameCsrf(String expected, String given) {
    return given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  private static String random() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
