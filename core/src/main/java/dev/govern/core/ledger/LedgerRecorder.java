package dev.govern.core.ledger;

import dev.govern.core.GovernException;
import java.time.Clock;

/**
 * The {@link ChangeRecorder} that appends to the audit ledger, signing with the operator's key when
 * there is one. Build it with {@code dev.govern.core.audit.Audit.recorder(settings, operatorFlag)}.
 */
public final class LedgerRecorder implements ChangeRecorder {
  private final Ledger ledger;
  private final String operator;
  private final SigningKey key;
  private final LedgerPolicy policy;
  private final Clock clock;

  public LedgerRecorder(
      Ledger ledger, String operator, SigningKey key, LedgerPolicy policy, Clock clock) {
    this.ledger = ledger;
    this.operator = operator;
    this.key = key;
    this.policy = policy;
    this.clock = clock;
  }

  public Ledger ledger() {
    return ledger;
  }

  public String operator() {
    return operator;
  }

  @Override
  public void precheck(Change change) {
    if (policy.reasonRequired(change.action())
        && (change.reason() == null || change.reason().isBlank())) {
      throw GovernException.usage(
          "a reason is required for "
              + change.action()
              + " (the governance file's ledger.require_reason says so): pass --reason");
    }
    if (policy.requireSignatures() && key == null) {
      throw GovernException.precondition(
          "the governance file requires signed ledger entries and "
              + operator
              + " has no signing key",
          "run 'govern audit keygen' and add the public key to the governance file's keys:");
    }
  }

  /** Appends the change and returns the entry written. */
  public LedgerEntry append(Change change) {
    precheck(change);
    return ledger.append(change, operator, key, policy.checkpointEvery(), clock.instant());
  }

  @Override
  public void record(Change change) {
    append(change);
  }
}
