package dev.govern.server.api;

import dev.govern.server.db.DatabaseUrl;

/** Service releases on the server over SQLite. */
class SqliteReleaseApiTest extends ReleaseApiContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.SQLITE;
  }
}
