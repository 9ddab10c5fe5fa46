package dev.govern.core.goproxy;

import dev.govern.core.release.Platform;
import dev.govern.core.version.GoVersion;
import java.util.Optional;

/**
 * How Go toolchains are named as modules: {@code golang.org/toolchain} at version {@code
 * v0.0.1-<toolchain>.<goos>-<goarch>} ({@code v0.0.1-go1.24.3.linux-amd64}), whose zip holds the
 * binary distribution under {@code golang.org/toolchain@<version>/}. Platforms use Go's GOARCH
 * names ({@code arm}, where the go.dev download index says {@code armv6l}).
 */
public final class ToolchainModule {
  /** The module path. */
  public static final String PATH = "golang.org/toolchain";

  private static final String PREFIX = "v0.0.1-";

  private ToolchainModule() {}

  /** {@code linux-amd64}; go.dev's {@code armv6l} is Go's {@code arm}. */
  public static String platform(Platform p) {
    return p.os() + "-" + (p.arch().equals("armv6l") ? "arm" : p.arch());
  }

  /** The module version of toolchain {@code v} for {@code p}. */
  public static String version(GoVersion v, Platform p) {
    return PREFIX + v + "." + platform(p);
  }

  /** The toolchain a module version names, when it is for {@code p}. */
  public static Optional<GoVersion> parse(String moduleVersion, Platform p) {
    String suffix = "." + platform(p);
    if (!moduleVersion.startsWith(PREFIX) || !moduleVersion.endsWith(suffix)) {
      return Optional.empty();
    }
    String name =
        moduleVersion.substring(PREFIX.length(), moduleVersion.length() - suffix.length());
    try {
      GoVersion v = GoVersion.parse(name);
      return v.toString().equals(name) ? Optional.of(v) : Optional.empty();
    } catch (RuntimeException notAToolchain) {
      return Optional.empty();
    }
  }

  /** The folder every file of the module's zip is under: {@code golang.org/toolchain@v…/}. */
  public static String zipPrefix(String moduleVersion) {
    return PATH + "@" + moduleVersion + "/";
  }

  /** The name govern keeps the verified zip under in {@code downloads/}. */
  public static String downloadName(GoVersion v, Platform p) {
    return v + "." + platform(p) + ".module.zip";
  }
}
