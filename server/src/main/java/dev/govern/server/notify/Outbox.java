package dev.govern.server.notify;

import dev.govern.core.ledger.Ledger;
import dev.govern.server.api.Json;
import dev.govern.server.db.OutboxDao;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Writes notification events into the outbox, inside the transaction of the change they tell of: an
 * event exists exactly when its change committed. One delivery row per sink that wants the event;
 * the {@link Dispatcher}s of all server processes deliver them.
 */
public final class Outbox {
  private final List<Sink> sinks;
  private final Clock clock;
  private volatile Runnable onPublish = () -> {};

  public Outbox(List<Sink> sinks, Clock clock) {
    this.sinks = List.copyOf(sinks);
    this.clock = clock;
  }

  public List<Sink> sinks() {
    return sinks;
  }

  /** Called after each publish (the local dispatcher wakes up; the commit may still be coming). */
  public void onPublish(Runnable r) {
    this.onPublish = r;
  }

  /** Adds an event of {@code kind} about {@code subject}; returns its id. */
  public String publish(
      Handle h, EventKind kind, String subject, String summary, Map<String, Object> data) {
    String id = UUID.randomUUID().toString();
    String now = Ledger.TIME.format(clock.instant());
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("schemaVersion", 1);
    payload.put("id", id);
    payload.put("kind", kind.word());
    payload.put("subject", subject);
    payload.put("summary", summary);
    payload.put("createdAt", now);
    payload.put("data", data);
    OutboxDao dao = new OutboxDao(h);
    dao.insertEvent(
        id,
        kind.word(),
        subject,
        summary,
        new String(Json.write(payload), StandardCharsets.UTF_8),
        now);
    for (Sink s : sinks) {
      if (s.wants(kind)) {
        dao.insertDelivery(id, s.name(), now);
      }
    }
    onPublish.run();
    return id;
  }
}
