package dev.govern.core.ledger;

import java.util.Set;

/**
 * What the governance file's {@code ledger:} section asks of the ledger.
 *
 * @param requireSignatures whether every entry and checkpoint must carry a valid signature
 * @param requireReason actions that must carry a reason ({@code rollback}, {@code use-default} …)
 * @param checkpointEvery write a checkpoint automatically after every this many entries (0: never)
 */
public record LedgerPolicy(
    boolean requireSignatures, Set<String> requireReason, int checkpointEvery) {
  /** Checkpoint interval when nothing says otherwise. */
  public static final int DEFAULT_CHECKPOINT_EVERY = 100;

  public static final LedgerPolicy DEFAULT =
      new LedgerPolicy(false, Set.of(), DEFAULT_CHECKPOINT_EVERY);

  public LedgerPolicy {
    requireReason = Set.copyOf(requireReason);
    if (checkpointEvery < 0) {
      throw new IllegalArgumentException("checkpointEvery must be >= 0");
    }
  }

  public boolean reasonRequired(String action) {
    return requireReason.contains(action);
  }
}
