package dev.govern.server.api;

import dev.govern.server.db.DatabaseUrl;

/** The API over a throw-away PostgreSQL (see PostgresTestServer). */
class PostgresApiTest extends ApiContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.POSTGRESQL;
  }
}
