package dev.govern.server.db;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Release binaries (content-addressed blobs) and release records of services. */
public final class ReleaseDao {
  /** A stored binary, without its bytes. */
  public record BlobRow(String sha256, long size, String facts, String storedAt, String storedBy) {}

  /** A stored release record ({@code record} is core's release JSON). */
  public record ReleaseRow(
      String service,
      String id,
      String sha256,
      String goVersion,
      String revision,
      String recordedAt,
      String record,
      String pushedAt,
      String pushedBy,
      long ledgerSeq) {}

  private final Handle h;

  public ReleaseDao(Handle h) {
    this.h = h;
  }

  /**
   * Stores a binary unless one with its SHA-256 is there; returns whether it was stored (a
   * concurrent upload of the same binary waits for the first to commit, then inserts nothing).
   */
  public boolean insertBlob(BlobRow b, InputStream data) {
    return h.createUpdate(
                """
                INSERT INTO release_blobs (sha256, size, facts, stored_at, stored_by, data)
                VALUES (:sha256, :size, :facts, :storedAt, :storedBy, :data)
                ON CONFLICT (sha256) DO NOTHING
                """)
            .bindMethods(b)
            .bindBinaryStream("data", data, Math.toIntExact(b.size()))
            .execute()
        == 1;
  }

  public Optional<BlobRow> blob(String sha256) {
    return h.createQuery(
            "SELECT sha256, size, facts, stored_at, stored_by FROM release_blobs"
                + " WHERE sha256 = :sha")
        .bind("sha", sha256)
        .map(
            (rs, c) ->
                new BlobRow(
                    rs.getString("sha256"),
                    rs.getLong("size"),
                    rs.getString("facts"),
                    rs.getString("stored_at"),
                    rs.getString("stored_by")))
        .findOne();
  }

  /** The bytes of a stored binary. */
  public Optional<byte[]> blobData(String sha256) {
    return h.createQuery("SELECT data FROM release_blobs WHERE sha256 = :sha")
        .bind("sha", sha256)
        .map((rs, c) -> rs.getBytes("data"))
        .findOne();
  }

  /** Inserts the release unless the service has this id; returns whether it was inserted. */
  public boolean insertRelease(ReleaseRow r) {
    return h.createUpdate(
                """
                INSERT INTO releases (service, id, sha256, go_version, revision, recorded_at,
                                      record, pushed_at, pushed_by, ledger_seq)
                VALUES (:service, :id, :sha256, :goVersion, :revision, :recordedAt, :record,
                        :pushedAt, :pushedBy, 0)
                ON CONFLICT (service, id) DO NOTHING
                """)
            .bindMethods(r)
            .execute()
        == 1;
  }

  public void setLedgerSeq(String service, String id, long seq) {
    h.createUpdate("UPDATE releases SET ledger_seq = :seq WHERE service = :service AND id = :id")
        .bind("seq", seq)
        .bind("service", service)
        .bind("id", id)
        .execute();
  }

  public Optional<ReleaseRow> release(String service, String id) {
    return h.createQuery(COLUMNS + " WHERE service = :service AND id = :id")
        .bind("service", service)
        .bind("id", id)
        .map(ReleaseDao::row)
        .findOne();
  }

  /** A service's releases, oldest recorded first. */
  public List<ReleaseRow> releases(String service) {
    return h.createQuery(COLUMNS + " WHERE service = :service ORDER BY recorded_at, id")
        .bind("service", service)
        .map(ReleaseDao::row)
        .list();
  }

  /** Every service's releases by service and id, after ({@code service}, {@code id}). */
  public List<ReleaseRow> all(String afterService, String afterId, int limit) {
    return h.createQuery(
            COLUMNS
                + " WHERE service > :s OR (service = :s AND id > :i)"
                + " ORDER BY service, id LIMIT :limit")
        .bind("s", afterService)
        .bind("i", afterId)
        .bind("limit", limit)
        .map(ReleaseDao::row)
        .list();
  }

  private static final String COLUMNS =
      """
      SELECT service, id, sha256, go_version, revision, recorded_at, record, pushed_at, pushed_by,
             ledger_seq
      FROM releases""";

  private static ReleaseRow row(
      java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws java.sql.SQLException {
    return new ReleaseRow(
        rs.getString("service"),
        rs.getString("id"),
        rs.getString("sha256"),
        rs.getString("go_version"),
        rs.getString("revision"),
        rs.getString("recorded_at"),
        rs.getString("record"),
        rs.getString("pushed_at"),
        rs.getString("pushed_by"),
        rs.getLong("ledger_seq"));
  }
}
