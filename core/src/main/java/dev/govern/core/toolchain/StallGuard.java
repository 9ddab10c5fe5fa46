package dev.govern.core.toolchain;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a network read that has received nothing for too long. The HTTP client has no read timeout
 * for a body being streamed, so a watchdog closes the stream and interrupts the reading thread —
 * only while it is blocked in the network read (never during a file write, where an interrupt would
 * close the channel).
 */
final class StallGuard implements AutoCloseable {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "govern-download-watchdog");
            t.setDaemon(true);
            return t;
          });

  private final long timeoutNanos;
  private final Thread reader;
  private final java.io.Closeable stream;
  private final ScheduledFuture<?> task;
  private long lastProgress = System.nanoTime();
  private boolean inRead;
  private boolean fired;

  /**
   * @param timeout how long a read may wait for data
   * @param stream the network stream, closed when the read stalls (the HTTP client's stream ignores
   *     interrupts until it is closed)
   */
  StallGuard(Duration timeout, java.io.Closeable stream) {
    this.timeoutNanos = timeout.toNanos();
    this.stream = stream;
    this.reader = Thread.currentThread();
    long period = Math.max(50, Math.min(1000, timeout.toMillis() / 4));
    this.task = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** Called by the reader before a network read. */
  synchronized void enter() {
    inRead = true;
  }

  /**
   * Called by the reader after a network read (returned or failed).
   *
   * @return true when the watchdog fired: the read failed because nothing arrived in time
   */
  synchronized boolean exit(boolean progressed) {
    inRead = false;
    boolean f = fired;
    if (fired) {
      Thread.interrupted(); // consume the interrupt meant for the blocked read
      fired = false;
    }
    if (progressed) {
      lastProgress = System.nanoTime();
      return false;
    }
    return f;
  }

  long timeoutSeconds() {
    return TimeUnit.NANOSECONDS.toSeconds(timeoutNanos);
  }

  private synchronized void check() {
    if (inRead && !fired && System.nanoTime() - lastProgress > timeoutNanos) {
      fired = true;
      try {
        stream.close();
      } catch (java.io.IOException | RuntimeException ignored) {
        // the interrupt below still wakes the reader
      }
      reader.interrupt();
    }
  }

  @Override
  public void close() {
    task.cancel(false);
    synchronized (this) {
      if (fired) {
        Thread.interrupted();
        fired = false;
      }
    }
  }
}
