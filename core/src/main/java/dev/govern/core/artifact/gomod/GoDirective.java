package dev.govern.core.artifact.gomod;

import dev.govern.core.GovernException;
import dev.govern.core.version.GoVersion;
import java.util.Optional;

/**
 * The {@code go} line: the minimum Go version (language version) the module needs.
 *
 * @param version the version as written ({@code 1.21}, {@code 1.21.0}, {@code 1.21rc1})
 * @param line where it is
 */
public record GoDirective(String version, int line) {

  /**
   * The minimum Go version, in Go's order ({@code 1.21} is below {@code 1.21rc1} and {@code
   * 1.21.0}); empty for forms Go's syntax check admits but no Go release uses ({@code 1.21.0rc1}).
   */
  public Optional<GoVersion> minimum() {
    try {
      return Optional.of(GoVersion.parse(version));
    } catch (GovernException e) {
      return Optional.empty();
    }
  }
}
