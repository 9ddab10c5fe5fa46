package dev.govern.server.db;

import java.util.List;
import org.jdbi.v3.core.Handle;

/** The notification delivery log: events, each sink's delivery state, and every attempt. */
public final class DeliveryLog {
  /** One event with its deliveries. */
  public record EventRow(
      String id,
      String kind,
      String subject,
      String summary,
      String createdAt,
      List<DeliveryRow> deliveries) {}

  /** One sink's delivery of an event. */
  public record DeliveryRow(
      String sink,
      String state,
      int attempts,
      String nextAttemptAt,
      String deliveredAt,
      String lastError,
      List<AttemptRow> log) {}

  /** One attempt. */
  public record AttemptRow(
      int attempt, String startedAt, Integer status, String error, long millis) {}

  private final Handle h;

  public DeliveryLog(Handle h) {
    this.h = h;
  }

  /** The newest events first, {@code limit} of them, {@code kind} only when not null. */
  public List<EventRow> recent(int limit, String kind) {
    String where = kind == null ? "" : " WHERE kind = :kind";
    var q =
        h.createQuery(
                "SELECT id, kind, subject, summary, created_at FROM outbox_events"
                    + where
                    + " ORDER BY created_at DESC, id LIMIT :limit")
            .bind("limit", limit);
    if (kind != null) {
      q.bind("kind", kind);
    }
    return q.map(
            (rs, c) ->
                new EventRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    deliveries(rs.getString(1))))
        .list();
  }

  private List<DeliveryRow> deliveries(String eventId) {
    return h.createQuery(
            """
            SELECT sink, state, attempts, next_attempt_at, delivered_at, last_error
            FROM outbox_deliveries WHERE event_id = :e ORDER BY sink
            """)
        .bind("e", eventId)
        .map(
            (rs, c) ->
                new DeliveryRow(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getInt(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    attempts(eventId, rs.getString(1))))
        .list();
  }

  private List<AttemptRow> attempts(String eventId, String sink) {
    return h.createQuery(
            """
            SELECT attempt, started_at, status, error, millis FROM delivery_attempts
            WHERE event_id = :e AND sink = :s ORDER BY attempt
            """)
        .bind("e", eventId)
        .bind("s", sink)
        .map(
            (rs, c) -> {
              int st = rs.getInt(3);
              Integer status = rs.wasNull() ? null : st;
              return new AttemptRow(
                  rs.getInt(1), rs.getString(2), status, rs.getString(4), rs.getLong(5));
            })
        .list();
  }

  /** Deliveries by state: pending, delivered, dead. */
  public java.util.Map<String, Long> counts() {
    java.util.Map<String, Long> m = new java.util.TreeMap<>();
    h.createQuery("SELECT state, COUNT(*) FROM outbox_deliveries GROUP BY state")
        .map((rs, c) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }
}
