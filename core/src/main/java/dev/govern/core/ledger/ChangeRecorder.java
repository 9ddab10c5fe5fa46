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

  /**
   * Fails now, before anything is changed, when {@link #record} would refuse {@code change} (a
   * reason the governance file requires is missing, no signing key where signatures are required).
   * Commands call it before they act.
   */
  default void precheck(Change change) {}
}
