package dev.govern.server.api;

import dev.govern.server.db.DatabaseUrl;

/** Service releases on the server over a throw-away PostgreSQL (see PostgresTestServer). */
class PostgresReleaseApiTest extends ReleaseApiContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.POSTGRESQL;
  }
}
