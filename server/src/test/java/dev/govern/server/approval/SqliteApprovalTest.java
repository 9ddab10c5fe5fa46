package dev.govern.server.approval;

import dev.govern.server.db.DatabaseUrl;

/** Approvals over SQLite. */
class SqliteApprovalTest extends ApprovalContract {
  @Override
  DatabaseUrl.Kind kind() {
    return DatabaseUrl.Kind.SQLITE;
  }
}
