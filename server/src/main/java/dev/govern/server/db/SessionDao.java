package dev.govern.server.db;

import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Dashboard sessions: only the SHA-256 of the cookie value is stored. */
public final class SessionDao {
  /** A live session's row joined with its token. */
  public record Row(String csrf, String tokenId, String user, String role) {}

  private final Handle h;

  public SessionDao(Handle h) {
    this.h = h;
  }

  public void insert(String idSha256, String tokenId, String csrf, String now, String expires) {
    h.createUpdate(
            """
            INSERT INTO sessions (id_sha256, token_id, csrf, created_at, expires_at)
            VALUES (:id, :token, :csrf, :now, :exp)
            """)
        .bind("id", idSha256)
        .bind("token", tokenId)
        .bind("csrf", csrf)
        .bind("now", now)
        .bind("exp", expires)
        .execute();
  }

  /** The session, if it is unexpired and its token neither revoked nor expired at {@code now}. */
  public Optional<Row> live(String idSha256, String now) {
    return h.createQuery(
            """
            SELECT s.csrf, t.id, t.user_name, t.role FROM sessions s
            JOIN tokens t ON t.id = s.token_id
            WHERE s.id_sha256 = :id AND s.expires_at > :now AND t.revoked_at IS NULL
              AND (t.expires_at IS NULL OR t.expires_at > :now)
            """)
        .bind("id", idSha256)
        .bind("now", now)
        .map((rs, c) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
        .findOne();
  }

  public void delete(String idSha256) {
    h.createUpdate("DELETE FROM sessions WHERE id_sha256 = :id").bind("id", idSha256).execute();
  }
}
