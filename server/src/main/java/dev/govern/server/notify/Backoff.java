package dev.govern.server.notify;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: exponential backoff ({@code base · 2^(attempt-1)}, at most
 * {@code cap}) with "equal jitter" (a random half of it), so many deliveries that failed together
 * do not come back together; after {@code maxAttempts} the delivery is given up ({@code dead}).
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {
  public static final Backoff DEFAULT =
      new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(10), 25);

  public Backoff {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
      throw new IllegalArgumentException("backoff: base > 0, cap >= base, maxAttempts >= 1");
    }
  }

  /** The wait before attempt {@code failed + 1}, after {@code failed} failed attempts. */
  public Duration delay(int failed) {
    long capMs = cap.toMillis();
    long full = base.toMillis();
    for (int i = 1; i < failed && full < capMs; i++) {
      full *= 2;
    }
    full = Math.min(full, capMs);
    long half = full / 2;
    return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
  }
}
