package dev.govern.server.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The environments table and its history. */
public final class EnvironmentDao {
  /** One environment; {@code revision} is its ETag. */
  public record EnvRow(
      String name,
      String version,
      String since,
      String status,
      String note,
      long revision,
      String updatedAt,
      String updatedBy) {}

  /** One past state of an environment and why it changed. */
  public record HistoryRow(
      String name,
      long revision,
      String version,
      String since,
      String status,
      String note,
      String changedAt,
      String changedBy,
      String reason,
      long ledgerSeq) {}

  private final Handle h;

  public EnvironmentDao(Handle h) {
    this.h = h;
  }

  private static final String COLUMNS =
      "SELECT name, version, since, status, note, revision, updated_at, updated_by FROM environments";

  public List<EnvRow> all() {
    return h.createQuery(COLUMNS + " ORDER BY name").map(EnvironmentDao::row).list();
  }

  public Optional<EnvRow> find(String name) {
    return h.createQuery(COLUMNS + " WHERE name = :name")
        .bind("name", name)
        .map(EnvironmentDao::row)
        .findOne();
  }

  /** Inserts revision 1; false when the name exists already. */
  public boolean create(EnvRow r) {
    return h.createUpdate(
                """
                INSERT INTO environments (name, version, since, status, note, revision, updated_at,
                                          updated_by)
                VALUES (:name, :version, :since, :status, :note, 1, :updatedAt, :updatedBy)
                ON CONFLICT (name) DO NOTHING
                """)
            .bindMethods(r)
            .execute()
        == 1;
  }

  /**
   * Writes {@code r} as revision {@code expected + 1} if the stored revision is still {@code
   * expected}; false on a lost update.
   */
  public boolean update(EnvRow r, long expected) {
    return h.createUpdate(
                """
                UPDATE environments
                SET version = :version, since = :since, status = :status, note = :note,
                    revision = revision + 1, updated_at = :updatedAt, updated_by = :updatedBy
                WHERE name = :name AND revision = :expected
                """)
            .bindMethods(r)
            .bind("expected", expected)
            .execute()
        == 1;
  }

  public void addHistory(HistoryRow r) {
    h.createUpdate(
            """
            INSERT INTO environment_history (name, revision, version, since, status, note,
                                             changed_at, changed_by, reason, ledger_seq)
            VALUES (:name, :revision, :version, :since, :status, :note, :changedAt, :changedBy,
                    :reason, :ledgerSeq)
            """)
        .bindMethods(r)
        .execute();
  }

  public List<HistoryRow> history(String name, int limit) {
    return h.createQuery(
            """
            SELECT name, revision, version, since, status, note, changed_at, changed_by, reason,
                   ledger_seq
            FROM environment_history WHERE name = :name ORDER BY revision DESC LIMIT :limit
            """)
        .bind("name", name)
        .bind("limit", limit)
        .map(
            (rs, ctx) ->
                new HistoryRow(
                    rs.getString("name"),
                    rs.getLong("revision"),
                    rs.getString("version"),
                    rs.getString("since"),
                    rs.getString("status"),
                    rs.getString("note"),
                    rs.getString("changed_at"),
                    rs.getString("changed_by"),
                    rs.getString("reason"),
                    rs.getLong("ledger_seq")))
        .list();
  }

  private static EnvRow row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws java.sql.SQLException {
    return new EnvRow(
        rs.getString("name"),
        rs.getString("version"),
        rs.getString("since"),
        rs.getString("status"),
        rs.getString("note"),
        rs.getLong("revision"),
        rs.getString("updated_at"),
        rs.getString("updated_by"));
  }
}
