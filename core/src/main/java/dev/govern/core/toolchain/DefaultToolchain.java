package dev.govern.core.toolchain;

import dev.govern.core.GovernException;
import dev.govern.core.config.GovernHome;
import dev.govern.core.version.GoVersion;
import java.util.Optional;

/**
 * Reads the global default toolchain from {@code $GOVERN_HOME/state.json} (field {@code "default"},
 * e.g. {@code "go1.22.4"}). Only that field is read; a missing file or field means no default. The
 * file is written by {@code govern use --default}.
 */
public final class DefaultToolchain {
  private DefaultToolchain() {}

  /** The global default from {@code state.json} (read by {@link StateFile}), as a version. */
  public static Optional<GoVersion> read(GovernHome home) {
    Optional<String> name = new StateFile(home).read().defaultName();
    if (name.isEmpty() || name.get().isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GoVersion.parse(name.get()));
    } catch (GovernException e) {
      throw GovernException.invalidInput(
          home.state() + ": \"default\" is not a Go version: \"" + name.get() + "\"");
    }
  }
}
