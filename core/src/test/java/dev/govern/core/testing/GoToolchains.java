package dev.govern.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The real Go toolchains tests build with: Debian's Go 1.19, the newest patch of each line from
 * 1.20 to 1.25 (modules {@code golang.org/toolchain} that {@code dev/test-setup} fetched into the
 * test cache, listed in {@code testdata/go/toolchains.txt}) and the machine's {@code go} on PATH
 * (Go 1.26; the cached fallback version when PATH has none that new). A missing one fails the test
 * with the command that fetches or installs it.
 */
public final class GoToolchains {
  /** The oldest Go the machine's {@code go} may be to stand for "the newest toolchain". */
  static final int NEWEST_MINOR_AT_LEAST = 26;

  private static List<GoToolchain> all;

  private GoToolchains() {}

  /** Every toolchain, oldest first: 1.19, 1.20 … 1.25, then the machine's go (1.26). */
  public static synchronized List<GoToolchain> all() {
    if (all == null) {
      List<GoToolchain> list = new ArrayList<>();
      list.add(debian119());
      for (String v : listed(false)) {
        list.add(cached(v));
      }
      list.add(newest());
      all = List.copyOf(list);
    }
    return all;
  }

  /** Debian's Go 1.19 ({@code /usr/lib/go-1.19}). */
  public static GoToolchain debian119() {
    Path go = RequiredPrograms.go119();
    Path root = go.getParent().getParent();
    return new GoToolchain(GoToolchain.versionOf(root), root);
  }

  /** The machine's {@code go} on PATH when it is Go 1.26 or newer, else the cached fallback. */
  public static GoToolchain newest() {
    Optional<GoToolchain> onPath = onPath();
    if (onPath.isPresent() && onPath.get().minor() >= NEWEST_MINOR_AT_LEAST) {
      return onPath.get();
    }
    return cached(listed(true).get(0));
  }

  /** The Go on PATH, if any (its GOROOT found from the real location of the go binary). */
  public static Optional<GoToolchain> onPath() {
    return RequiredPrograms.find("go")
        .map(
            go -> {
              try {
                Path root = go.toRealPath().getParent().getParent();
                return new GoToolchain(GoToolchain.versionOf(root), root);
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
  }

  /** A toolchain module fetched into the test cache; fails with the fetch command when absent. */
  public static GoToolchain cached(String version) {
    Path root = moduleDir(version);
    Path go = root.resolve("bin/go");
    if (!Files.isExecutable(go)) {
      throw new AssertionError(
          "Go "
              + version
              + " is not in the test cache ("
              + root
              + "); fetch it with: dev/test-setup   (it runs GOMODCACHE="
              + TestCache.dir().resolve("gomodcache")
              + " go mod download "
              + module(version)
              + " and makes bin/ and pkg/tool/ executable)");
    }
    return new GoToolchain(GoToolchain.versionOf(root), root);
  }

  /** {@code golang.org/toolchain@v0.0.1-go1.24.13.linux-amd64} for this machine. */
  public static String module(String version) {
    return "golang.org/toolchain@v0.0.1-go" + version + "." + hostPlatform();
  }

  /** Where the go command unpacks that module: a usable GOROOT. */
  public static Path moduleDir(String version) {
    return TestCache.dir().resolve("gomodcache").resolve(module(version));
  }

  /** {@code linux-amd64} on this machine, in Go's names. */
  static String hostPlatform() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String goos = os.contains("mac") ? "darwin" : os.contains("windows") ? "windows" : "linux";
    String arch = System.getProperty("os.arch");
    String goarch =
        Map.of("x86_64", "amd64", "amd64", "amd64", "aarch64", "arm64", "x86", "386")
            .getOrDefault(arch, arch);
    return goos + "-" + goarch;
  }

  /** The versions of testdata/go/toolchains.txt: the listed lines, or only the fallback. */
  static List<String> listed(boolean fallback) {
    List<String> out = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(TestData.file("go/toolchains.txt"))) {
        String l = line.strip();
        if (l.isEmpty() || l.startsWith("#")) {
          continue;
        }
        boolean isFallback = l.startsWith("fallback ");
        if (isFallback == fallback) {
          out.add(isFallback ? l.substring("fallback ".length()).strip() : l);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
