package dev.govern.core.artifact.gomod;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.Optional;

/**
 * The {@code toolchain} line: the Go toolchain the module prefers ({@code go1.22.4}, {@code
 * go1.22.4-custom}) or {@code default}.
 *
 * @param name the name as written
 * @param line where it is
 */
public record ToolchainDirective(String name, int line) {

  /** Whether it says {@code default} (use the local toolchain). */
  public boolean isDefault() {
    return name.equals("default");
  }

  /** The toolchain's Go version; empty for {@code default} or a name Go would not run. */
  public Optional<GoVersion> version() {
    if (isDefault()) {
      return Optional.empty();
    }
    try {
      return Optional.of(GoVersion.parse(name));
    } catch (GovernException e) {
      return Optional.empty();
    }
  }
}
