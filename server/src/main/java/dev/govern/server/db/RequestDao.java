package dev.govern.server.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.StatementContext;

/** Change requests and their votes. */
public final class RequestDao {
  /** One change request (the attachment's text is read separately). */
  public record RequestRow(
      String id,
      String environment,
      String version,
      String envStatus,
      String reason,
      String requester,
      String createdAt,
      String expiresAt,
      String state,
      boolean emergency,
      String rule,
      long baseRevision,
      String attachmentName,
      String attachmentSha256,
      String closedAt,
      Long ledgerSeq,
      String reviewDue,
      String reviewedAt,
      String reviewedBy,
      String reviewComment) {}

  /** One approval or rejection. */
  public record VoteRow(
      String requestId,
      String voter,
      String verdict,
      String comment,
      String votedAt,
      String signature,
      long ledgerSeq) {}

  private static final String COLUMNS =
      """
      SELECT id, environment, version, env_status, reason, requester, created_at, expires_at, state,
             emergency, rule, base_revision, attachment_name, attachment_sha256, closed_at,
             ledger_seq, review_due, reviewed_at, reviewed_by, review_comment
      FROM change_requests
      """;

  private final Handle h;

  public RequestDao(Handle h) {
    this.h = h;
  }

  public void insert(RequestRow r, String attachment) {
    h.createUpdate(
            """
            INSERT INTO change_requests (id, environment, version, env_status, reason, requester,
              created_at, expires_at, state, emergency, rule, base_revision, attachment_name,
              attachment_sha256, attachment)
            VALUES (:id, :environment, :version, :envStatus, :reason, :requester, :createdAt,
              :expiresAt, :state, :emergency, :rule, :baseRevision, :attachmentName,
              :attachmentSha256, :attachment)
            """)
        .bindMethods(r)
        .bind("attachment", attachment)
        .execute();
  }

  /**
   * Takes the request's row lock for the rest of the transaction (PostgreSQL; SQLite's write lock
   * is held already), so votes on one request are judged one after the other.
   */
  public boolean lock(String id) {
    return h.createUpdate("UPDATE change_requests SET state = state WHERE id = :id")
            .bind("id", id)
            .execute()
        == 1;
  }

  public Optional<RequestRow> find(String id) {
    return h.createQuery(COLUMNS + " WHERE id = :id").bind("id", id).map(RequestDao::row).findOne();
  }

  public Optional<String> attachment(String id) {
    return h.createQuery("SELECT attachment FROM change_requests WHERE id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .findOne();
  }

  public Optional<RequestRow> pendingFor(String environment) {
    return h.createQuery(COLUMNS + " WHERE environment = :env AND state = 'pending'")
        .bind("env", environment)
        .map(RequestDao::row)
        .findOne();
  }

  /** Requests newest first; {@code state} and {@code environment} filter when not null. */
  public List<RequestRow> list(String state, String environment, int limit) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (state != null) {
      where.append(" AND state = :state");
    }
    if (environment != null) {
      where.append(" AND environment = :env");
    }
    var q =
        h.createQuery(COLUMNS + where + " ORDER BY created_at DESC, id LIMIT :limit")
            .bind("limit", limit);
    if (state != null) {
      q.bind("state", state);
    }
    if (environment != null) {
      q.bind("env", environment);
    }
    return q.map(RequestDao::row).list();
  }

  /** Moves a request from {@code from} to {@code to}; false when it was not in {@code from}. */
  public boolean transition(String id, String from, String to, String closedAt, Long ledgerSeq) {
    return h.createUpdate(
                """
                UPDATE change_requests SET state = :to, closed_at = :closedAt,
                  ledger_seq = COALESCE(:seq, ledger_seq)
                WHERE id = :id AND state = :from
                """)
            .bind("id", id)
            .bind("from", from)
            .bind("to", to)
            .bind("closedAt", closedAt)
            .bind("seq", ledgerSeq)
            .execute()
        == 1;
  }

  public void setReviewDue(String id, String due) {
    h.createUpdate("UPDATE change_requests SET review_due = :due WHERE id = :id")
        .bind("id", id)
        .bind("due", due)
        .execute();
  }

  /** Records the post-hoc review; false when it was reviewed already. */
  public boolean review(String id, String by, String at, String comment) {
    return h.createUpdate(
                """
                UPDATE change_requests SET reviewed_at = :at, reviewed_by = :by,
                  review_comment = :comment
                WHERE id = :id AND reviewed_at IS NULL
                """)
            .bind("id", id)
            .bind("by", by)
            .bind("at", at)
            .bind("comment", comment)
            .execute()
        == 1;
  }

  /** Pending requests whose expiry is before {@code now}. */
  public List<String> expiredPending(String now) {
    return h.createQuery(
            "SELECT id FROM change_requests WHERE state = 'pending' AND expires_at < :now")
        .bind("now", now)
        .mapTo(String.class)
        .list();
  }

  /** Applied emergency changes whose review is overdue and not yet told of. */
  public List<String> overdueUnnotified(String now) {
    return h.createQuery(
            """
            SELECT id FROM change_requests WHERE review_due IS NOT NULL AND reviewed_at IS NULL
              AND review_due < :now AND overdue_notified = FALSE
            """)
        .bind("now", now)
        .mapTo(String.class)
        .list();
  }

  /** An applied emergency change whose review is past due. */
  public record OverdueRow(
      String id, String environment, String version, String requester, String reviewDue) {}

  /**
   * Every emergency change whose review was due before {@code now} and is not done, oldest first.
   */
  public List<OverdueRow> overdueReviews(String now) {
    return h.createQuery(
            """
            SELECT id, environment, version, requester, review_due FROM change_requests
            WHERE review_due IS NOT NULL AND reviewed_at IS NULL AND review_due < :now
            ORDER BY review_due
            """)
        .bind("now", now)
        .map(
            (rs, c) ->
                new OverdueRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)))
        .list();
  }

  public boolean markOverdueNotified(String id) {
    return h.createUpdate(
                "UPDATE change_requests SET overdue_notified = TRUE WHERE id = :id"
                    + " AND overdue_notified = FALSE")
            .bind("id", id)
            .execute()
        == 1;
  }

  public boolean addVote(VoteRow v) {
    return h.createUpdate(
                """
                INSERT INTO request_votes (request_id, voter, verdict, comment, voted_at, signature,
                  ledger_seq)
                VALUES (:requestId, :voter, :verdict, :comment, :votedAt, :signature, :ledgerSeq)
                ON CONFLICT (request_id, voter) DO NOTHING
                """)
            .bindMethods(v)
            .execute()
        == 1;
  }

  public List<VoteRow> votes(String requestId) {
    return h.createQuery(
            """
            SELECT request_id, voter, verdict, comment, voted_at, signature, ledger_seq
            FROM request_votes WHERE request_id = :id ORDER BY voted_at, voter
            """)
        .bind("id", requestId)
        .map(
            (rs, c) ->
                new VoteRow(
                    rs.getString("request_id"),
                    rs.getString("voter"),
                    rs.getString("verdict"),
                    rs.getString("comment"),
                    rs.getString("voted_at"),
                    rs.getString("signature"),
                    rs.getLong("ledger_seq")))
        .list();
  }

  private static RequestRow row(ResultSet rs, StatementContext c) throws SQLException {
    long seq = rs.getLong("ledger_seq");
    Long ledgerSeq = rs.wasNull() ? null : seq;
    return new RequestRow(
        rs.getString("id"),
        rs.getString("environment"),
        rs.getString("version"),
        rs.getString("env_status"),
        rs.getString("reason"),
        rs.getString("requester"),
        rs.getString("created_at"),
        rs.getString("expires_at"),
        rs.getString("state"),
        rs.getBoolean("emergency"),
        rs.getString("rule"),
        rs.getLong("base_revision"),
        rs.getString("attachment_name"),
        rs.getString("attachment_sha256"),
        rs.getString("closed_at"),
        ledgerSeq,
        rs.getString("review_due"),
        rs.getString("reviewed_at"),
        rs.getString("reviewed_by"),
        rs.getString("review_comment"));
  }
}
