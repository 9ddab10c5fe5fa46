package dev.govern.server.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition another thread brings about (a delivery by the dispatcher), checking it
 * every 20 ms up to a deadline: the test fails with {@code what} if it never holds. Nothing is
 * asserted about how long it took.
 */
public final class Eventually {
  private Eventually() {}

  public static void until(String what, Duration limit, BooleanSupplier done) {
    long end = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("not within " + limit + ": " + what);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }
}
