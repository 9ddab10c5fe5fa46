package dev.govern.core.toolchain;

import dev.govern.core.version.GoVersion;
import java.nio.file.Path;

/**
 * Hears that toolchains appeared or disappeared, e.g. to (re)generate the {@code bin/go1.22.4}
 * entries beside the shims. Called after the change is complete and visible.
 */
public interface ToolchainListener {
  ToolchainListener NONE =
      new ToolchainListener() {
        @Override
        public void onInstalled(GoVersion version, Path root) {}

        @Override
        public void onRemoved(GoVersion version) {}
      };

  /** {@code version} is now installed at {@code root} (its GOROOT). */
  void onInstalled(GoVersion version, Path root);

  /** {@code version} is no longer installed. */
  void onRemoved(GoVersion version);
}
