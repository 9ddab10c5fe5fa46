package dev.govern.cli.toolchain;

import dev.govern.core.config.Settings;
import dev.govern.core.toolchain.DefaultToolchain;
import dev.govern.core.toolchain.Shims;
import dev.govern.core.toolchain.ToolchainListener;
import dev.govern.core.toolchain.ToolchainMarker;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one place where the toolchain commands get their collaborators: the change recorder (the
 * audit ledger), the listener told about installs and removals (the shims in {@code bin/}), and the
 * marker for {@code list} (default, active, pinned). Wiring the real ones is a one-line change
 * each.
 */
public final class ToolchainWiring {
  private ToolchainWiring() {}

  /** Told after a toolchain was installed or removed: keeps the shims in bin/ up to date. */
  public static ToolchainListener listener(Settings settings) {
    return new ToolchainListener() {
      @Override
      public void onInstalled(GoVersion version, Path root) {
        Shims.refresh(settings.home());
      }

      @Override
      public void onRemoved(GoVersion version) {
        Shims.refresh(settings.home());
      }
    };
  }

  /** Marks for {@code list}: the default from state.json; active/pinned come with resolution. */
  public static ToolchainMarker marker(Settings settings) {
    ToolchainMarker byDefault =
        v ->
            DefaultToolchain.read(settings.home()).filter(v::equals).isPresent()
                ? List.of("default")
                : List.of();
    return byDefault.and(ToolchainMarker.NONE);
  }

  /** The ledger subject of machine-wide changes: {@code host:<name>}. */
  public static String hostSubject(Settings settings) {
    String h = settings.env().get("HOSTNAME");
    if (h == null || h.isBlank()) {
      try {
        h = Files.readString(Path.of("/etc/hostname"), StandardCharsets.UTF_8).strip();
      } catch (IOException | RuntimeException e) {
        h = "";
      }
    }
    return "host:" + (h.isBlank() ? "localhost" : h);
  }
}
