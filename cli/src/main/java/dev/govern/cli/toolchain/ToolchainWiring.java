package dev.govern.cli.toolchain;

import dev.govern.core.config.Settings;
import dev.govern.core.toolchain.Resolution;
import dev.govern.core.toolchain.Resolver;
import dev.govern.core.toolchain.Shims;
import dev.govern.core.toolchain.Source;
import dev.govern.core.toolchain.StateFile;
import dev.govern.core.toolchain.ToolchainListener;
import dev.govern.core.toolchain.ToolchainMarker;
import dev.govern.core.version.GoVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

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

  /**
   * Marks for {@code list}: {@code default} (state.json), {@code active} (what the shims run in
   * {@code cwd}) and {@code pinned} (a .go-version, .tool-versions or toolchain line there).
   */
  public static ToolchainMarker marker(Settings settings, Path cwd) {
    Resolver resolver = new Resolver(settings.home());
    Optional<String> def = new StateFile(settings.home()).read().defaultName();
    Optional<Resolution> active = safely(() -> resolver.select(cwd, settings.env()));
    Optional<Resolution> pinned =
        safely(() -> resolver.pinned(cwd, settings.env()))
            .filter(r -> r.source().kind() != Source.Kind.ENV);
    return v -> {
      List<String> marks = new java.util.ArrayList<>();
      String name = v.toString();
      if (def.filter(name::equals).isPresent()) {
        marks.add("default");
      }
      if (active.map(Resolution::name).filter(name::equals).isPresent()) {
        marks.add("active");
      }
      if (pinned.map(Resolution::name).filter(name::equals).isPresent()) {
        marks.add("pinned");
      }
      return List.copyOf(marks);
    };
  }

  /** A resolution that fails (an unreadable pin) marks nothing; doctor reports it. */
  private static Optional<Resolution> safely(java.util.function.Supplier<Optional<Resolution>> r) {
    try {
      return r.get();
    } catch (RuntimeException e) {
      return Optional.empty();
    }
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
