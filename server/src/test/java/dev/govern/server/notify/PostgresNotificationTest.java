package dev.govern.server.notify;

import dev.govern.server.db.DatabaseUrl;

/** Notifications over PostgreSQL. */
class PostgresNotificationTest extends NotificationContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.POSTGRESQL;
  }
}
