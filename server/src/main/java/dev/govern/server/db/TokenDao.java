package dev.govern.server.db;

import dev.govern.server.auth.Principal;
import dev.govern.server.auth.Role;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Users, their groups and their tokens. */
public final class TokenDao {
  /** A token as listed (never its secret). */
  public record TokenRow(
      String id, String user, String role, String createdAt, String expiresAt, String revokedAt) {}

  private final Handle h;

  public TokenDao(Handle h) {
    this.h = h;
  }

  /** Adds the user (if new) and their groups. */
  public void ensureUser(String user, List<String> groups, String now) {
    h.createUpdate(
            "INSERT INTO users (name, created_at) VALUES (:name, :now) ON CONFLICT (name) DO NOTHING")
        .bind("name", user)
        .bind("now", now)
        .execute();
    for (String g : groups) {
      h.createUpdate(
              """
              INSERT INTO user_groups (user_name, group_name) VALUES (:user, :group)
              ON CONFLICT (user_name, group_name) DO NOTHING
              """)
          .bind("user", user)
          .bind("group", g)
          .execute();
    }
  }

  public void insert(TokenRow t, String secretSha256) {
    h.createUpdate(
            """
            INSERT INTO tokens (id, user_name, role, secret_sha256, created_at, expires_at)
            VALUES (:id, :user, :role, :sha, :createdAt, :expiresAt)
            """)
        .bind("id", t.id())
        .bind("user", t.user())
        .bind("role", t.role())
        .bind("sha", secretSha256)
        .bind("createdAt", t.createdAt())
        .bind("expiresAt", t.expiresAt())
        .execute();
  }

  /** The principal of a live token (not revoked, not expired at {@code now}). */
  public Optional<Principal> principal(String secretSha256, String now) {
    Optional<String[]> row =
        h.createQuery(
                """
                SELECT id, user_name, role FROM tokens
                WHERE secret_sha256 = :sha AND revoked_at IS NULL
                  AND (expires_at IS NULL OR expires_at > :now)
                """)
            .bind("sha", secretSha256)
            .bind("now", now)
            .map(
                (rs, ctx) ->
                    new String[] {
                      rs.getString("id"), rs.getString("user_name"), rs.getString("role")
                    })
            .findOne();
    return row.map(r -> new Principal(r[1], Role.parse(r[2]), r[0], groups(r[1])));
  }

  public List<String> groups(String user) {
    return h.createQuery(
            "SELECT group_name FROM user_groups WHERE user_name = :user ORDER BY group_name")
        .bind("user", user)
        .mapTo(String.class)
        .list();
  }

  public List<TokenRow> list() {
    return h.createQuery(
            """
            SELECT id, user_name, role, created_at, expires_at, revoked_at
            FROM tokens ORDER BY created_at, id
            """)
        .map(
            (rs, ctx) ->
                new TokenRow(
                    rs.getString("id"),
                    rs.getString("user_name"),
                    rs.getString("role"),
                    rs.getString("created_at"),
                    rs.getString("expires_at"),
                    rs.getString("revoked_at")))
        .list();
  }

  public Optional<TokenRow> find(String id) {
    return list().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Marks the token revoked; false when there is no such live token. */
  public boolean revoke(String id, String now) {
    return h.createUpdate(
                "UPDATE tokens SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
            .bind("id", id)
            .bind("now", now)
            .execute()
        == 1;
  }
}
