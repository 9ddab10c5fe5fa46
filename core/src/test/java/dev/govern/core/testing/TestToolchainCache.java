package dev.govern.core.testing;

import dev.govern.core.goproxy.ToolchainModule;
import dev.govern.core.release.Platform;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * Real Go toolchains in module form, cached outside the clone by {@code
 * dev/fetch-test-toolchains.sh}: {@code ${GOVERN_TEST_CACHE:-~/.cache/govern-test}/gomodcache},
 * whose {@code cache/download} folder is a GOPROXY layout with the checksum database's answers. A
 * test that needs it and does not find it fails with the one line that fills it.
 */
public final class TestToolchainCache {
  /** The command that fills the cache, as the failure message names it. */
  public static final String FILL = "dev/fetch-test-toolchains.sh";

  private TestToolchainCache() {}

  public static Path root() {
    String c = System.getenv("GOVERN_TEST_CACHE");
    return c != null && !c.isBlank()
        ? Path.of(c)
        : Path.of(System.getProperty("user.home"), ".cache", "govern-test");
  }

  /** The module cache ({@code GOMODCACHE}). */
  public static Path modCache() {
    return root().resolve("gomodcache");
  }

  /** The GOPROXY folder, with the checksum database's signed tree; fails when missing. */
  public static Path proxyFolder() {
    Path p = modCache().resolve("cache").resolve("download");
    if (!Files.isRegularFile(p.resolve("sumdb/sum.golang.org/latest"))
        || toolchainsIn(p, Platform.current(null, null)).size() < 2) {
      throw new AssertionFailedError(
          "the test toolchain cache is missing or incomplete in "
              + p
              + "; fill it once with: "
              + FILL);
    }
    return p;
  }

  /** The toolchains cached for {@code p}, oldest first. */
  public static List<GoVersion> toolchains(Platform p) {
    return toolchainsIn(proxyFolder(), p);
  }

  /** The two newest cached toolchains other than {@code except} (the machine's own Go). */
  public static List<GoVersion> newestTwo(Platform p, GoVersion except) {
    List<GoVersion> all = new ArrayList<>(toolchains(p));
    all.remove(except);
    if (all.size() < 2) {
      throw new AssertionFailedError(
          "the test toolchain cache holds fewer than two toolchains; fill it with: " + FILL);
    }
    return List.copyOf(all.subList(all.size() - 2, all.size()));
  }

  private static List<GoVersion> toolchainsIn(Path proxy, Platform p) {
    Path dir = proxy.resolve("golang.org/toolchain/@v");
    List<GoVersion> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.zip")) {
      for (Path z : ds) {
        String mv = z.getFileName().toString().replaceFirst("\\.zip$", "");
        Path lookup = proxy.resolve("sumdb/sum.golang.org/lookup/golang.org/toolchain@" + mv);
        if (Files.isRegularFile(lookup)) {
          ToolchainModule.parse(mv, p).ifPresent(out::add);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Collections.sort(out);
    return out;
  }
}
