package dev.govern.server.db;

import dev.govern.core.ledger.LedgerEntry;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The server ledger's tables: {@code ledger_entries}, {@code ledger_head}, {@code server_keys}. */
public final class LedgerDao {
  /** The head of the chain. */
  public record Head(long seq, String hash) {}

  /** A registered public key of a server process. */
  public record KeyRow(String keyId, String operator, String publicKey, String createdAt) {}

  /** What {@code GET /ledger} filters on; null fields do not filter. */
  public record Filter(
      long afterSeq, int limit, String action, String operator, String subject, String since) {}

  private final Handle h;

  public LedgerDao(Handle h) {
    this.h = h;
  }

  /**
   * Takes the append lock (updates the head row: a row lock on PostgreSQL, the write lock on
   * SQLite) and returns the head as it is now, after every append that committed before.
   */
  public Head lockHead(String now) {
    h.createUpdate("UPDATE ledger_head SET appended_at = :now WHERE id = 1")
        .bind("now", now)
        .execute();
    return h.createQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash")))
        .one();
  }

  public Head head() {
    return h.createQuery("SELECT seq, hash FROM ledger_head WHERE id = 1")
        .map((rs, ctx) -> new Head(rs.getLong("seq"), rs.getString("hash")))
        .one();
  }

  /** Writes the entry and moves the head to it (call {@link #lockHead} first, same transaction). */
  public void insert(LedgerEntry e) {
    h.createUpdate(
            """
            INSERT INTO ledger_entries (seq, time, operator, action, subject, hash, line)
            VALUES (:seq, :time, :operator, :action, :subject, :hash, :line)
            """)
        .bind("seq", e.seq())
        .bind("time", e.time())
        .bind("operator", e.operator())
        .bind("action", e.action())
        .bind("subject", e.subject())
        .bind("hash", e.hash())
        .bind("line", e.toLine())
        .execute();
    int moved =
        h.createUpdate(
                "UPDATE ledger_head SET seq = :seq, hash = :hash WHERE id = 1 AND seq = :prev")
            .bind("seq", e.seq())
            .bind("hash", e.hash())
            .bind("prev", e.seq() - 1)
            .execute();
    if (moved != 1) {
      throw new IllegalStateException("the ledger head moved during an append of seq " + e.seq());
    }
  }

  /** Up to {@code limit} lines older than {@code before} (null: the newest), newest first. */
  public List<String> newest(Long before, int limit) {
    return h.createQuery(
            "SELECT line FROM ledger_entries WHERE seq < :before ORDER BY seq DESC LIMIT :limit")
        .bind("before", before == null ? Long.MAX_VALUE : before)
        .bind("limit", limit)
        .mapTo(String.class)
        .list();
  }

  /** Every line in seq order (for verification and export). */
  public List<String> lines() {
    return h.createQuery("SELECT line FROM ledger_entries ORDER BY seq")
        .setFetchSize(1000)
        .mapTo(String.class)
        .list();
  }

  public List<String> lines(Filter f) {
    StringBuilder sql = new StringBuilder("SELECT line FROM ledger_entries WHERE seq > :after");
    if (f.action() != null) {
      sql.append(" AND action = :action");
    }
    if (f.operator() != null) {
      sql.append(" AND operator = :operator");
    }
    if (f.subject() != null) {
      sql.append(" AND subject = :subject");
    }
    if (f.since() != null) {
      sql.append(" AND time >= :since");
    }
    sql.append(" ORDER BY seq LIMIT :limit");
    var q = h.createQuery(sql.toString()).bind("after", f.afterSeq()).bind("limit", f.limit());
    if (f.action() != null) {
      q.bind("action", f.action());
    }
    if (f.operator() != null) {
      q.bind("operator", f.operator());
    }
    if (f.subject() != null) {
      q.bind("subject", f.subject());
    }
    if (f.since() != null) {
      q.bind("since", f.since());
    }
    return q.mapTo(String.class).list();
  }

  public Optional<String> line(long seq) {
    return h.createQuery("SELECT line FROM ledger_entries WHERE seq = :seq")
        .bind("seq", seq)
        .mapTo(String.class)
        .findOne();
  }

  public void registerKey(KeyRow k) {
    h.createUpdate(
            """
            INSERT INTO server_keys (key_id, operator, public_key, created_at)
            VALUES (:keyId, :operator, :publicKey, :createdAt)
            ON CONFLICT (key_id) DO NOTHING
            """)
        .bindMethods(k)
        .execute();
  }

  public List<KeyRow> keys() {
    return h.createQuery(
            "SELECT key_id, operator, public_key, created_at FROM server_keys ORDER BY created_at")
        .map(
            (rs, ctx) ->
                new KeyRow(
                    rs.getString("key_id"),
                    rs.getString("operator"),
                    rs.getString("public_key"),
                    rs.getString("created_at")))
        .list();
  }
}
