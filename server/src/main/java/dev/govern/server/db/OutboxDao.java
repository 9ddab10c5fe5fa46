package dev.govern.server.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The notification outbox: events, one delivery per sink, and every delivery attempt. */
public final class OutboxDao {
  /** A pending delivery with its event's payload. */
  public record Due(String eventId, String sink, int attempts, String payload) {}

  private final Handle h;

  public OutboxDao(Handle h) {
    this.h = h;
  }

  public void insertEvent(
      String id, String kind, String subject, String summary, String payload, String now) {
    h.createUpdate(
            """
            INSERT INTO outbox_events (id, kind, subject, summary, payload, created_at)
            VALUES (:id, :kind, :subject, :summary, :payload, :now)
            """)
        .bind("id", id)
        .bind("kind", kind)
        .bind("subject", subject)
        .bind("summary", summary)
        .bind("payload", payload)
        .bind("now", now)
        .execute();
  }

  public void insertDelivery(String eventId, String sink, String now) {
    h.createUpdate(
            """
            INSERT INTO outbox_deliveries (event_id, sink, state, attempts, next_attempt_at)
            VALUES (:id, :sink, 'pending', 0, :now)
            """)
        .bind("id", eventId)
        .bind("sink", sink)
        .bind("now", now)
        .execute();
  }

  /** Pending deliveries due at {@code now} and not leased, soonest first. */
  public List<Due> due(String now, int limit) {
    return h.createQuery(
            """
            SELECT d.event_id, d.sink, d.attempts, e.payload
            FROM outbox_deliveries d JOIN outbox_events e ON e.id = d.event_id
            WHERE d.state = 'pending' AND d.next_attempt_at <= :now
              AND (d.lease_until IS NULL OR d.lease_until < :now)
            ORDER BY d.next_attempt_at LIMIT :limit
            """)
        .bind("now", now)
        .bind("limit", limit)
        .map((rs, c) -> new Due(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4)))
        .list();
  }

  /** Leases a delivery to {@code owner} until {@code until} unless another holds it (CAS). */
  public boolean lease(String eventId, String sink, String owner, String until, String now) {
    return h.createUpdate(
                """
                UPDATE outbox_deliveries SET lease_until = :until, lease_owner = :owner
                WHERE event_id = :e AND sink = :s AND state = 'pending'
                  AND (lease_until IS NULL OR lease_until < :now)
                """)
            .bind("until", until)
            .bind("owner", owner)
            .bind("e", eventId)
            .bind("s", sink)
            .bind("now", now)
            .execute()
        == 1;
  }

  public void insertAttempt(
      String eventId,
      String sink,
      int attempt,
      String startedAt,
      Integer status,
      String error,
      long millis) {
    h.createUpdate(
            """
            INSERT INTO delivery_attempts (event_id, sink, attempt, started_at, status, error,
              millis)
            VALUES (:e, :s, :a, :at, :status, :error, :ms)
            """)
        .bind("e", eventId)
        .bind("s", sink)
        .bind("a", attempt)
        .bind("at", startedAt)
        .bind("status", status)
        .bind("error", error)
        .bind("ms", millis)
        .execute();
  }

  public void delivered(String eventId, String sink, int attempts, String now) {
    h.createUpdate(
            """
            UPDATE outbox_deliveries SET state = 'delivered', attempts = :a,
              delivered_at = :now, lease_until = NULL, last_error = NULL
            WHERE event_id = :e AND sink = :s
            """)
        .bind("a", attempts)
        .bind("now", now)
        .bind("e", eventId)
        .bind("s", sink)
        .execute();
  }

  /** A failed attempt: pending again at {@code next}, or {@code dead}. */
  public void failed(
      String eventId, String sink, int attempts, boolean dead, String next, String error) {
    h.createUpdate(
            """
            UPDATE outbox_deliveries SET state = :state, attempts = :a,
              next_attempt_at = :next, lease_until = NULL, last_error = :error
            WHERE event_id = :e AND sink = :s
            """)
        .bind("state", dead ? "dead" : "pending")
        .bind("a", attempts)
        .bind("next", next)
        .bind("error", error)
        .bind("e", eventId)
        .bind("s", sink)
        .execute();
  }
}
