package dev.govern.server.auth;

import dev.govern.core.ErrorCode;
import dev.govern.core.GovernException;
import dev.govern.server.ServerLog;
import dev.govern.server.db.AuthFailureDao;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks the bearer token of a request against the route's permission: 401 without a token or with
 * one the server does not know (expired, revoked); 403 when its role may not. Failed attempts are
 * counted per source address and minute in the database, logged without the token, and slowed down:
 * counting this minute and the one before, from the {@code delayAfter}-th failure each answer waits
 * 100 ms more (at most 2 s); from the {@code lockoutAfter}-th, the source gets 429 until the
 * failures are more than a minute old.
 */
public final class Authenticator {
  /** Limits of failed authentication. */
  public record Limits(int delayAfter, int lockoutAfter) {
    public static final Limits DEFAULT = new Limits(3, 30);
  }

  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

  private final Tokens tokens;
  private final Jdbi jdbi;
  private final Clock clock;
  private final Limits limits;
  private final ServerLog log;

  public Authenticator(Tokens tokens, Jdbi jdbi, Clock clock, Limits limits, ServerLog log) {
    this.tokens = tokens;
    this.jdbi = jdbi;
    this.clock = clock;
    this.limits = limits;
    this.log = log;
  }

  /**
   * The principal allowed to do {@code p}, from the {@code Authorization} header; null for public
   * routes.
   */
  public Principal require(String authorization, String source, Permission p) {
    if (p == Permission.PUBLIC) {
      return null;
    }
    if (authorization == null || authorization.isBlank()) {
      throw new GovernException(
          ErrorCode.UNAUTHENTICATED,
          "this request needs a token: send 'Authorization: Bearer <token>'",
          "the CLI sends GOVERN_TOKEN; an admin makes tokens with 'govern server token create'");
    }
    String window = MINUTE.format(clock.instant());
    String previous = MINUTE.format(clock.instant().minusSeconds(60));
    int before =
        jdbi.withHandle(
            h ->
                new AuthFailureDao(h).count(source, window)
                    + new AuthFailureDao(h).count(source, previous));
    if (before >= limits.lockoutAfter()) {
      throw new GovernException(
          ErrorCode.RATE_LIMITED,
          "too many failed authentications from " + source + " in this minute; try again later");
    }
    Optional<Principal> who = Optional.empty();
    String why = "not a bearer token";
    if (authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      who = tokens.authenticate(authorization.substring(7).strip());
      why = "unknown, expired or revoked token";
    }
    if (who.isEmpty()) {
      int n =
          jdbi.inTransaction(
              h ->
                  new AuthFailureDao(h).increment(source, window)
                      + new AuthFailureDao(h).count(source, previous));
      log.line(
          "authentication failed from "
              + source
              + ": "
              + why
              + " ("
              + n
              + " in the last minute or two)");
      if (n > limits.delayAfter()) {
        sleep(Math.min(2000, 100L * (n - limits.delayAfter())));
      }
      throw new GovernException(
          ErrorCode.UNAUTHENTICATED,
          "the token is not valid (unknown, expired or revoked)",
          "ask an admin for a new token ('govern server token create')");
    }
    Principal pr = who.get();
    if (!pr.role().may(p)) {
      throw new GovernException(
          ErrorCode.FORBIDDEN,
          "token "
              + pr.tokenId()
              + " of "
              + pr.user()
              + " has role "
              + pr.role().word()
              + ", which may not do this (needs "
              + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
              + ")");
    }
    return pr;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
