package dev.govern.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real Go toolchain on this machine that tests build with and ask for reference answers.
 *
 * @param version its {@code go version}, such as {@code go1.19.8}
 * @param root its GOROOT (the folder holding {@code bin/go})
 */
public record GoToolchain(String version, Path root) {
  /** How long one go command may take (a cold build of net/http for a new platform included). */
  private static final long TIMEOUT_MINUTES = 10;

  /** {@code root/bin/go}. */
  public Path go() {
    return root.resolve("bin/go");
  }

  /** The release line, {@code 1.19} for {@code go1.19.8}. */
  public String line() {
    String v = version.substring(2);
    int dot = v.indexOf('.', v.indexOf('.') + 1);
    return dot < 0 ? v : v.substring(0, dot);
  }

  /** The minor number of the line, 19 for {@code go1.19.8}. */
  public int minor() {
    String l = line();
    return Integer.parseInt(l.substring(l.indexOf('.') + 1));
  }

  /** What one command printed. */
  public record Output(int exitCode, String out, String err) {
    public Output {
      out = out == null ? "" : out;
      err = err == null ? "" : err;
    }

    /** One line for a failure message. */
    public String describe() {
      String e = err.strip();
      int nl = e.indexOf('\n');
      return "exit " + exitCode + (e.isEmpty() ? "" : ": " + (nl < 0 ? e : e.substring(0, nl)));
    }
  }

  /** Runs {@code go args…} in {@code dir} with exactly {@code env}. */
  public Output run(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>();
    command.add(go().toString());
    command.addAll(List.of(args));
    return exec(command, dir, env);
  }

  /** Runs any program in {@code dir} with exactly {@code env}; stdout and stderr as text. */
  public static Output exec(List<String> command, Path dir, Map<String, String> env) {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new AssertionError("timed out: " + String.join(" ", command));
      }
      return new Output(
          p.exitValue(),
          new String(out, StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted: " + String.join(" ", command), e);
    }
  }

  private static byte[] readAll(java.io.InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The version a GOROOT says it is (its VERSION file's first line). */
  static String versionOf(Path root) {
    try {
      return Files.readAllLines(root.resolve("VERSION")).get(0).strip();
    } catch (IOException | IndexOutOfBoundsException e) {
      throw new AssertionError("cannot read the VERSION of the Go toolchain at " + root, e);
    }
  }
}
