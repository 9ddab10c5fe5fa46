package dev.govern.server.web;

import dev.govern.core.ledger.Ledger;
import dev.govern.server.auth.Principal;
import dev.govern.server.auth.Role;
import dev.govern.server.db.SessionDao;
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
    String csrf = random();
    jdbi.useHandle(
        h ->
            new SessionDao(h)
                .insert(
                    sha256(id),
                    p.tokenId(),
                    csrf,
                    now,
                    Ledger.TIME.format(clock.instant().plus(LIFETIME))));
    return id;
  }

  Optional<Session> find(String cookie) {
    if (cookie == null || !cookie.matches("[A-Za-z0-9_-]{43}")) {
      return Optional.empty();
    }
    String now = Ledger.TIME.format(clock.instant());
    return jdbi.withHandle(
        h ->
            new SessionDao(h)
                .live(sha256(cookie), now)
                .map(
                    r ->
                        new Session(
                            new Principal(
                                r.user(),
                                Role.parse(r.role()),
                                r.tokenId(),
                                new TokenDao(h).groups(r.user())),
                            r.csrf())));
  }

  void close(String cookie) {
    if (cookie != null) {
      jdbi.useHandle(h -> new SessionDao(h).delete(sha256(cookie)));
    }
  }

  static boolean sameCsrf(String expected, String given) {
    return expected != null
        && given != null
        && MessageDigest.isEqual(
            expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
  }

  /** A fresh random token (the login form's CSRF token). */
  static String newToken() {
    return random();
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
