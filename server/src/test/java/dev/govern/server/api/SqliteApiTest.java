package dev.govern.server.api;

import dev.govern.server.db.DatabaseUrl;

/** The API over SQLite. */
class SqliteApiTest extends ApiContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.SQLITE;
  }
}
