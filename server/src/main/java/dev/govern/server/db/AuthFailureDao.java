package dev.govern.server.db;

import org.jdbi.v3.core.Handle;

/**
 * Failed authentications per source and minute, counted in the database (all processes see them).
 */
public final class AuthFailureDao {
  private final Handle h;

  public AuthFailureDao(Handle h) {
    this.h = h;
  }

  /**
   * Counts one more failure from {@code source} in the minute {@code window}; returns the count.
   */
  public int increment(String source, String window) {
    h.createUpdate(
            """
            INSERT INTO auth_failures (source, window_start, failures) VALUES (:source, :window, 1)
            ON CONFLICT (source, window_start) DO UPDATE SET failures = auth_failures.failures + 1
            """)
        .bind("source", source)
        .bind("window", window)
        .execute();
    return count(source, window);
  }

  public int count(String source, String window) {
    return h.createQuery(
            "SELECT failures FROM auth_failures WHERE source = :source AND window_start = :window")
        .bind("source", source)
        .bind("window", window)
        .mapTo(Integer.class)
        .findOne()
        .orElse(0);
  }

  /** All failures ever counted (for {@code GET /api/v1/server}). */
  public long total() {
    return h.createQuery("SELECT COALESCE(SUM(failures), 0) FROM auth_failures")
        .mapTo(Long.class)
        .one();
  }
}
