package dev.govern.server.approval;

import dev.govern.server.db.DatabaseUrl;

/** Approvals over PostgreSQL. */
class PostgresApprovalTest extends ApprovalContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.POSTGRESQL;
  }
}
