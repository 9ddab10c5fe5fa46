package dev.govern.server.notify;

import dev.govern.server.db.DatabaseUrl;

/** Notifications over SQLite. */
class SqliteNotificationTest extends NotificationContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.SQLITE;
  }
}
