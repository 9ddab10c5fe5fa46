package dev.govern.core.toolchain;

import dev.govern.core.config.GovernHome;
import dev.govern.core.io.FileLocks;

/**
 * The exclusive lock on {@code $GOVERN_HOME/.state.lock}, held while the default is read, changed
 * and recorded, so two concurrent {@code use --default} or {@code rollback} runs cannot lose each
 * other's history entries (see {@link FileLocks}).
 */
public final class StateLock {
  private StateLock() {}

  /** Waits for the lock. */
  public static FileLocks.Held acquire(GovernHome home) {
    return FileLocks.exclusive(home.root().resolve(".state.lock"));
  }
}
