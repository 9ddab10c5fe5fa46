package dev.govern.server.db;

import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * Runs work in a transaction, again from the start when the database chose it as the victim of a
 * deadlock or a serialization conflict (PostgreSQL {@code 40P01}, {@code 40001}) or SQLite stayed
 * busy past its timeout: the transaction rolled back whole, so running it again is safe.
 */
public final class Transactions {
  static final int ATTEMPTS = 5;

  private final Jdbi jdbi;
  private final ReentrantLock writers;

  /**
   * {@code serializeWrites}: queue this process's write transactions on a fair lock before they
   * begin. For SQLite, which allows one writer at a time: its busy handler polls with growing
   * sleeps, so fifty writers waiting on it get served out of order and slowly; a queue in the JVM
   * serves them in order at full speed (the busy timeout still covers another process, such as
   * {@code govern server token create}, writing meanwhile).
   */
  public Transactions(Jdbi jdbi, boolean serializeWrites) {
    this.jdbi = jdbi;
    this.writers = serializeWrites ? new ReentrantLock(true) : null;
  }

  public Transactions(Jdbi jdbi) {
    this(jdbi, false);
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public <R, X extends Exception> R inTransaction(HandleCallback<R, X> work) throws X {
    if (writers != null) {
      writers.lock();
    }
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return jdbi.inTransaction(work);
        } catch (RuntimeException e) {
          if (attempt >= ATTEMPTS || !retryable(e)) {
            throw e;
          }
        }
      }
    } finally {
      if (writers != null) {
        writers.unlock();
      }
    }
  }

  public <R, X extends Exception> R withHandle(HandleCallback<R, X> work) throws X {
    return jdbi.withHandle(work);
  }

  public void useTransaction(java.util.function.Consumer<Handle> work) {
    inTransaction(
        h -> {
          work.accept(h);
          return null;
        });
  }

  static boolean retryable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        String state = s.getSQLState();
        if ("40P01".equals(state) || "40001".equals(state)) {
          return true;
        }
        String m = String.valueOf(s.getMessage());
        if (m.contains("SQLITE_BUSY")) {
          return true;
        }
      }
    }
    return false;
  }
}
