package dev.govern.core.toolchain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One finished command with its merged output, run with an exact environment.
 *
 * @param command the command line as a person would type it
 * @param exitCode its exit code (124 when it timed out, 127 when it could not start)
 * @param output stdout and stderr, interleaved
 */
public record ProcessRun(String command, int exitCode, String output) {

  /** Runs {@code argv} in {@code dir} with exactly {@code env}; stdin is empty. */
  public static ProcessRun run(
      List<String> argv, Path dir, Map<String, String> env, Duration timeout) {
    String shown = String.join(" ", argv);
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      return new ProcessRun(shown, 127, "cannot start " + argv.get(0) + ": " + e.getMessage());
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Thread pump = new Thread(() -> copy(p.getInputStream(), buf), "govern-output");
    pump.setDaemon(true);
    pump.start();
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor();
        pump.join(1000);
        return new ProcessRun(
            shown, 124, text(buf) + "\n[timed out after " + timeout.toSeconds() + " s]");
      }
      pump.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted while running " + shown, e);
    }
    return new ProcessRun(shown, p.exitValue(), text(buf));
  }

  private static String text(ByteArrayOutputStream buf) {
    synchronized (buf) {
      return buf.toString(StandardCharsets.UTF_8);
    }
  }

  private static void copy(InputStream in, ByteArrayOutputStream buf) {
    byte[] b = new byte[8192];
    try (in) {
      int n;
      while ((n = in.read(b)) > 0) {
        synchronized (buf) {
          buf.write(b, 0, n);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
