package dev.govern.core.deploy;

import java.time.Duration;

/** The retry loop of both kinds of health check: try, pause (50 ms doubling to 500 ms), repeat. */
abstract class PollingHealthCheck implements HealthCheck {
  private static final long FIRST_PAUSE_MS = 50;
  private static final long MAX_PAUSE_MS = 500;
  private static final long MIN_TRY_NS = 250_000_000;

  private final String check;

  PollingHealthCheck(String check) {
    this.check = check;
  }

  record Attempt(boolean ok, String text) {}

  abstract Attempt once(Duration left);

  @Override
  public String describe() {
    return check;
  }

  @Override
  public Result await(Duration timeout) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    long pause = FIRST_PAUSE_MS;
    int attempts = 0;
    while (true) {
      attempts++;
      // every try gets a fair time to answer, even the last one just before the deadline
      Attempt a = once(Duration.ofNanos(Math.max(MIN_TRY_NS, deadline - System.nanoTime())));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (a.ok()) {
        return new Result(TargetState.HEALTHY, check, attempts, elapsed, a.text());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return new Result(
            TargetState.UNHEALTHY,
            check,
            attempts,
            elapsed,
            a.text() + "\n[no healthy answer within " + timeout.toMillis() + " ms]");
      }
      try {
        Thread.sleep(Math.min(pause, left / 1_000_000 + 1));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(TargetState.UNHEALTHY, check, attempts, elapsed, "interrupted");
      }
      pause = Math.min(MAX_PAUSE_MS, pause * 2);
    }
  }
}
