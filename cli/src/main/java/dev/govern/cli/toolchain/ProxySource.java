package dev.govern.cli.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.Settings;
import dev.govern.core.goproxy.GoEnv;
import dev.govern.core.goproxy.ToolchainProxy;
import dev.govern.core.net.UrlFetcher;
import dev.govern.core.release.Platform;
import dev.govern.core.release.ReleaseSpec;
import dev.govern.core.version.GoVersion;
import java.util.List;
import java.util.function.Consumer;

/**
 * Where {@code install} and {@code list-remote} take toolchains from: {@code go.dev} (the release
 * index and its archives, the default) or {@code proxy} (the user's Go module proxies). Set by
 * {@code --source}, {@code GOVERN_SOURCE} or the config key {@code source}.
 */
final class ProxySource {
  static final String GO_DEV = "go.dev";
  static final String PROXY = "proxy";

  private ProxySource() {}

  /** The source in effect; usage error for an unknown one. */
  static String of(Settings settings, String flag) {
    String s = settings.resolve(flag, "source", GO_DEV).strip();
    if (!s.equals(GO_DEV) && !s.equals(PROXY)) {
      throw GovernException.usage(
          "unknown source \""
              + s
              + "\" (--source, GOVERN_SOURCE or config source): go.dev or proxy");
    }
    return s;
  }

  static ToolchainProxy proxy(Settings settings, boolean offline, Consumer<String> warn) {
    ToolchainProxy p =
        new ToolchainProxy(GoEnv.of(settings.env()), new UrlFetcher(), settings.home(), warn);
    return offline ? p.offline() : p;
  }

  /** The toolchain a spec names on the proxy: exact as given, a line or latest from its list. */
  static GoVersion resolve(ToolchainProxy proxy, ReleaseSpec spec, Platform platform) {
    if (spec.kind() == ReleaseSpec.Kind.EXACT) {
      return spec.version();
    }
    List<GoVersion> versions = proxy.versions(platform);
    for (GoVersion v : versions) {
      if (!v.isRelease()) {
        continue;
      }
      if (spec.kind() == ReleaseSpec.Kind.LATEST
          || v.major() == spec.version().major() && v.minor() == spec.version().minor()) {
        return v;
      }
    }
    throw GovernException.notFound(
        "no Go release matches "
            + spec
            + " for "
            + platform
            + " on GOPROXY="
            + proxy.goproxy()
            + (versions.isEmpty() ? " (it lists no toolchain for this platform)" : ""),
        null);
  }
}
