package dev.govern.core.ledger;

/**
 * Where mutating commands (install, uninstall, use --default, rollback, pin, envs set) report what
 * they changed. The audit ledger implements it; {@link #NONE} records nothing.
 */
@FunctionalInterface
public interface ChangeRecorder {
  ChangeRecorder NONE = change -> {};

  /**
   * Records one change. Implementations fail loudly: a change that cannot be recorded is an error.
   */
  void record(Change change);
}
