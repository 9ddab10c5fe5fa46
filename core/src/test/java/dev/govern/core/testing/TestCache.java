package dev.govern.core.testing;

import java.nio.file.Path;

/**
 * The cache that outlives a clone: {@code $GOVERN_TEST_CACHE}, default {@code
 * ~/.cache/govern-test}. It holds the Go toolchain modules {@code dev/test-setup} fetched ({@code
 * gomodcache/}, whose {@code cache/download/} is also a GOPROXY tree) and the Go build cache of the
 * test builds ({@code gocache/}), so repeated runs on one machine download and compile nothing
 * twice.
 */
public final class TestCache {
  private TestCache() {}

  public static Path dir() {
    String env = System.getenv("GOVERN_TEST_CACHE");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath();
    }
    return Path.of(System.getProperty("user.home"), ".cache", "govern-test");
  }
}
