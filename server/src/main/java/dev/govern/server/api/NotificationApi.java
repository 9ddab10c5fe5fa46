package dev.govern.server.api;

import dev.govern.server.auth.Permission;
import dev.govern.server.db.DeliveryLog;
import dev.govern.server.db.Transactions;
import dev.govern.server.notify.EventKind;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The notification delivery log. */
public final class NotificationApi {
  record Log(Map<String, Long> deliveries, List<DeliveryLog.EventRow> events) {}

  private final Transactions tx;

  public NotificationApi(Transactions tx) {
    this.tx = tx;
  }

  public List<Route> routes() {
    return List.of(Route.get("/api/v1/notifications", Permission.READ, this::log));
  }

  void log(Context ctx) {
    int limit = Requests.intParam(ctx, "limit", 100, 1, 1000);
    String kind = ctx.queryParam("kind");
    if (kind != null && EventKind.parse(kind) == null) {
      throw FieldException.bad("kind", "not an event kind: \"" + ScanValidator.clip(kind) + "\"");
    }
    Log log =
        tx.withHandle(
            h -> {
              DeliveryLog d = new DeliveryLog(h);
              return new Log(d.counts(), d.recent(limit, kind));
            });
    Requests.json(ctx, 200, log);
  }
}
