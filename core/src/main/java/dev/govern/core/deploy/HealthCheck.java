package dev.govern.core.deploy;

import dev.govern.core.ledger.Evidence;
import dev.govern.core.toolchain.ProcessRun;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How a deploy decides the service is healthy: an HTTP URL that answers 2xx, or a shell command
 * that exits 0. Either is tried until it succeeds or the timeout runs out, with short pauses
 * between attempts.
 */
public interface HealthCheck {
  /** What to show and record: the URL or the command. */
  String describe();

  /** Tries until healthy or {@code timeout} has passed. */
  Result await(Duration timeout);

  /**
   * The outcome.
   *
   * @param status {@code healthy}, {@code unhealthy} or {@code unchecked}
   * @param check the URL or command
   * @param attempts how many tries
   * @param elapsed from the first try to the outcome
   * @param last what the last try answered (status line and body start, or command output)
   */
  record Result(String status, String check, int attempts, Duration elapsed, String last) {
    public boolean healthy() {
      return !TargetState.UNHEALTHY.equals(status);
    }

    public Evidence evidence() {
      return Evidence.of(
          check,
          healthy() ? 0 : 1,
          status
              + " after "
              + attempts
              + (attempts == 1 ? " attempt, " : " attempts, ")
              + elapsed.toMillis()
              + " ms\n"
              + last);
    }
  }

  /** No check configured: every deploy counts as unchecked, never as unhealthy. */
  HealthCheck NONE =
      new HealthCheck() {
        @Override
        public String describe() {
          return "no health check";
        }

        @Override
        public Result await(Duration timeout) {
          return new Result(TargetState.UNCHECKED, describe(), 0, Duration.ZERO, "");
        }
      };

  /** GET {@code url} until it answers 2xx. */
  static HealthCheck url(URI url) {
    return new PollingHealthCheck("GET " + url) {
      @Override
      Attempt once(Duration left) {
        HttpURLConnection c = null;
        try {
          c = (HttpURLConnection) url.toURL().openConnection(Proxy.NO_PROXY);
          int limit = (int) Math.max(1, Math.min(left.toMillis(), 2000));
          c.setConnectTimeout(limit);
          c.setReadTimeout(limit);
          c.setInstanceFollowRedirects(false);
          int code = c.getResponseCode();
          InputStream body = code >= 400 ? c.getErrorStream() : c.getInputStream();
          String text =
              body == null ? "" : new String(body.readNBytes(500), StandardCharsets.UTF_8);
          return new Attempt(code / 100 == 2, "HTTP " + code + "\n" + text.strip());
        } catch (IOException | IllegalArgumentException e) {
          return new Attempt(false, e.getClass().getSimpleName() + ": " + e.getMessage());
        } finally {
          if (c != null) {
            c.disconnect();
          }
        }
      }
    };
  }

  /** Runs {@code command} with {@code /bin/sh -c} in {@code dir} until it exits 0. */
  static HealthCheck command(String command, Path dir, Map<String, String> env) {
    return new PollingHealthCheck(command) {
      @Override
      Attempt once(Duration left) {
        ProcessRun r = ProcessRun.run(List.of("/bin/sh", "-c", command), dir, env, left);
        return new Attempt(r.exitCode() == 0, "exit " + r.exitCode() + "\n" + r.output().strip());
      }
    };
  }
}
