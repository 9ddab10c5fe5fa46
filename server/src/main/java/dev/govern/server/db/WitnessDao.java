package dev.govern.server.db;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** Checkpoints of CLI ledgers that the server witnessed. */
public final class WitnessDao {
  /** One witnessed checkpoint. */
  public record Witnessed(
      String ledgerId,
      long seq,
      String hash,
      String checkpoint,
      String witnessedAt,
      String witnessKeyId,
      String witnessSig,
      String pushedBy) {}

  private final Handle h;

  public WitnessDao(Handle h) {
    this.h = h;
  }

  /** Stores it unless this ledger's seq was witnessed before; returns whether it was stored. */
  public boolean insert(Witnessed w) {
    return h.createUpdate(
                """
                INSERT INTO witness_checkpoints (ledger_id, seq, hash, checkpoint, witnessed_at,
                                                 witness_key_id, witness_sig, pushed_by)
                VALUES (:ledgerId, :seq, :hash, :checkpoint, :witnessedAt, :witnessKeyId,
                        :witnessSig, :pushedBy)
                ON CONFLICT (ledger_id, seq) DO NOTHING
                """)
            .bindMethods(w)
            .execute()
        == 1;
  }

  public Optional<Witnessed> find(String ledgerId, long seq) {
    return h.createQuery(COLUMNS + " WHERE ledger_id = :id AND seq = :seq")
        .bind("id", ledgerId)
        .bind("seq", seq)
        .map(WitnessDao::row)
        .findOne();
  }

  public List<Witnessed> all(String ledgerId) {
    return h.createQuery(COLUMNS + " WHERE ledger_id = :id ORDER BY seq")
        .bind("id", ledgerId)
        .map(WitnessDao::row)
        .list();
  }

  private static final String COLUMNS =
      """
      SELECT ledger_id, seq, hash, checkpoint, witnessed_at, witness_key_id, witness_sig, pushed_by
      FROM witness_checkpoints""";

  private static Witnessed row(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws java.sql.SQLException {
    return new Witnessed(
        rs.getString("ledger_id"),
        rs.getLong("seq"),
        rs.getString("hash"),
        rs.getString("checkpoint"),
        rs.getString("witnessed_at"),
        rs.getString("witness_key_id"),
        rs.getString("witness_sig"),
        rs.getString("pushed_by"));
  }
}
