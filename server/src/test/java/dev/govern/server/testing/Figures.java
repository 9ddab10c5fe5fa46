package dev.govern.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Measured figures of the reliability tests: printed and appended to target/figures/server.txt. */
public final class Figures {
  private Figures() {}

  public static void record(String line) {
    System.out.println("FIGURE " + line);
    try {
      Path f = Path.of("target", "figures", "server.txt");
      Files.createDirectories(f.getParent());
      Files.writeString(
          f,
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The q-quantile (0..1) of latencies in nanoseconds, in milliseconds. */
  public static double quantileMs(long[] nanos, double q) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    if (s.length == 0) {
      return 0;
    }
    int i = (int) Math.min(s.length - 1, Math.ceil(q * s.length) - 1);
    return s[Math.max(0, i)] / 1e6;
  }

  /** Samples a process's RSS until stopped; the peak in KiB. */
  public static final class PeakRss implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;

    public PeakRss(ServerProcess p) {
      thread =
          new Thread(
              () -> {
                while (running) {
                  peak = Math.max(peak, p.rssKib());
                  try {
                    Thread.sleep(100);
                  } catch (InterruptedException e) {
                    return;
                  }
                }
              },
              "rss-sampler");
      thread.setDaemon(true);
      thread.start();
    }

    public long peakKib() {
      return peak;
    }

    @Override
    public void close() {
      running = false;
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
