package dev.govern.core.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.govern.core.toolchain.ProcessRun;
import dev.govern.core.version.GoVersion;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real {@code go} on PATH, run offline (GOPROXY=off, GOFLAGS=-mod=mod, GOTOOLCHAIN=local) with
 * a build cache under {@code target/}, for tests that generate modules and binaries at test time.
 */
public final class RealGo {
  private static Optional<Path> go;
  private static GoVersion version;

  private RealGo() {}

  /** The go binary on PATH, if there is one. */
  public static synchronized Optional<Path> find() {
    if (go == null) {
      go = Optional.empty();
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, "go");
        if (Files.isExecutable(p)) {
          go = Optional.of(p.toAbsolutePath());
          break;
        }
      }
    }
    return go;
  }

  /** Skips the test unless a go of at least {@code minMinor} (1.N) is on PATH; its version. */
  public static synchronized GoVersion require(int minMinor) {
    assumeTrue(find().isPresent(), "needs go on PATH");
    if (version == null) {
      ProcessRun r = run(Path.of("."), Map.of(), "env", "GOVERSION");
      version = GoVersion.parse(r.output().strip());
    }
    assumeTrue(
        version.minor() >= minMinor, "needs go1." + minMinor + "+ on PATH, found " + version);
    return version;
  }

  /** {@code $(go env GOROOT)}. */
  public static Path goroot() {
    return Path.of(run(Path.of("."), Map.of(), "env", "GOROOT").output().strip());
  }

  /** The offline environment the tests run go with, plus {@code extra}. */
  public static Map<String, String> env(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    Path cache = Path.of("target", "go-test-cache").toAbsolutePath();
    env.put("HOME", cache.resolve("home").toString());
    env.put("GOCACHE", cache.resolve("build").toString());
    env.put("GOPATH", cache.resolve("gopath").toString());
    env.put("GOMODCACHE", cache.resolve("gopath/pkg/mod").toString());
    env.put("GOPROXY", "off");
    env.put("GOFLAGS", "-mod=mod");
    env.put("GOTOOLCHAIN", "local");
    env.put("GOENV", "off");
    env.put("GOTELEMETRY", "off");
    env.put("CGO_ENABLED", "0");
    env.putAll(extra);
    return env;
  }

  /** Runs {@code go args…} in {@code dir}; fails the test when go fails. */
  public static ProcessRun run(Path dir, Map<String, String> extraEnv, String... args) {
    List<String> argv = new java.util.ArrayList<>();
    argv.add(find().orElseThrow().toString());
    argv.addAll(List.of(args));
    ProcessRun r = ProcessRun.run(argv, dir, env(extraEnv), Duration.ofMinutes(5));
    if (r.exitCode() != 0) {
      throw new AssertionError(
          "go " + String.join(" ", args) + " failed in " + dir + ":\n" + r.output());
    }
    return r;
  }
}
