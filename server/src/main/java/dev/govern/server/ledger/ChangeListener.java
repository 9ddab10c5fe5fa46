package dev.govern.server.ledger;

import dev.govern.core.ledger.LedgerEntry;
import org.jdbi.v3.core.Handle;

/**
 * Told of every change the server records, inside the same database transaction as the change and
 * its ledger entry: what a listener writes (an outbox row for notifications, say) commits or rolls
 * back with the change itself.
 */
@FunctionalInterface
public interface ChangeListener {
  void recorded(Handle transaction, LedgerEntry entry);
}
